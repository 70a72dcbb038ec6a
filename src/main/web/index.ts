/**
 * `npm run web`: the browser host. Prints
 * `Isolation Lab is running at http://127.0.0.1:PORT/?token=TOKEN`, opens the
 * page in the default browser unless --no-open, and closes every worker on
 * Ctrl+C.
 */
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ChildProcessLauncher } from '../lab/child-process-launcher';
import { DEFAULT_PARAMS } from '../../shared/params';
import { Lab, defaultDataDir } from '../lab/lab';
import { LabService } from '../lab/service';
import { startWebHost } from './server';

const USAGE = `Usage: npm run web -- [--port N] [--no-open] [--data-dir DIR] [--help]

  --port N        port on 127.0.0.1 (0, the default, picks a free one)
  --no-open       do not open the page in a browser
  --data-dir DIR  where my_database.xlsx is written (default: isolation-lab in the temp folder)
  --help          this text`;

interface WebArgs {
  port: number;
  open: boolean;
  dataDir: string;
  help: boolean;
}

function parseWebArgs(argv: readonly string[]): WebArgs {
  const args: WebArgs = { port: 0, open: true, dataDir: defaultDataDir(), help: false };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') args.help = true;
    else if (arg === '--no-open') args.open = false;
    else if (arg === '--port' || arg === '--data-dir') {
      const value = argv[i + 1];
      i += 1;
      if (value === undefined) throw new Error(`${arg} needs a value`);
      if (arg === '--data-dir') args.dataDir = value;
      else {
        const port = Number(value);
        if (!Number.isInteger(port) || port < 0 || port > 65535)
          throw new Error(
            `Invalid --port: "${value}". Allowed: a whole number from 0 to 65535 (0 picks a free port).`,
          );
        args.port = port;
      }
    } else
      throw new Error(`Unknown option "${arg}". Allowed: --port, --no-open, --data-dir, --help.`);
  }
  return args;
}

/** Opens a URL in the desktop's browser, quietly doing nothing where there is none. */
function openInBrowser(url: string): void {
  const command =
    process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  try {
    const child = spawn(command, [url], { stdio: 'ignore', detached: true });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // No browser to open: the printed URL is enough.
  }
}

async function main(): Promise<void> {
  let args: WebArgs;
  try {
    args = parseWebArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
    process.exit(2);
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  mkdirSync(args.dataDir, { recursive: true });
  const lab = new Lab({
    launcher: new ChildProcessLauncher(join(__dirname, 'worker.js')),
    dataDir: args.dataDir,
  });
  lab.prestart(DEFAULT_PARAMS.nJobs);
  const host = await startWebHost({
    service: new LabService(lab),
    rendererDir: join(__dirname, '../renderer'),
    port: args.port,
  });
  process.stdout.write(`Isolation Lab is running at ${host.url}\n`);
  process.stdout.write(`A second screen that only watches the runs: ${host.url}&watch=1\n`);
  if (args.open) openInBrowser(host.url);

  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    void Promise.all([host.close(), lab.close()]).finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
