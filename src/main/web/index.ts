/**
 * `npm run web`: the browser host. Prints
 * `Isolation Lab is running at http://127.0.0.1:PORT/?token=TOKEN`, opens the
 * page in the default browser unless --no-open, and closes every worker on
 * Ctrl+C.
 */
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ChildProcessLauncher } from '../lab/child-process-launcher';
import { DEFAULT_PARAMS } from '../../shared/params';
import { Lab, defaultDataDir } from '../lab/lab';
import { LabService } from '../lab/service';
import { SettingsStore } from '../lab/settings-store';
import { builtWorker } from '../lab/launcher';
import { startWebHost } from './server';

const USAGE = `Usage: npm run web -- [--port N] [--no-open] [--data-dir DIR] [--dev-page URL] [--help]

  --port N        port on 127.0.0.1 (0, the default, picks a free one)
  --no-open       do not open the page in a browser
  --data-dir DIR  where my_database.xlsx is written (default: isolation-lab in the temp folder)
  --dev-page URL  also accept the WebSocket of a page served from URL (npm run dev: Vite's server)
  --help          this text`;

interface WebArgs {
  port: number;
  devPage: string | null;
  open: boolean;
  dataDir: string;
  help: boolean;
}

/** The options, read by Node's own parseArgs; an error names what was wrong and what is allowed. */
function parseWebArgs(argv: readonly string[]): WebArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        port: { type: 'string' },
        'no-open': { type: 'boolean' },
        'data-dir': { type: 'string' },
        'dev-page': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (error) {
    const name = /'(-{1,2}[\w-]+)/.exec((error as Error).message)?.[1] ?? '?';
    if ((error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION')
      throw new Error(
        `Unknown option "${name}". Allowed: --port, --no-open, --data-dir, --dev-page, --help.`,
      );
    throw new Error(`${name} needs a value`);
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!/^\d+$/.test(values.port ?? '0') || port > 65535)
    throw new Error(
      `Invalid --port: "${values.port}". Allowed: a whole number from 0 to 65535 (0 picks a free port).`,
    );
  const devPage = values['dev-page'] ?? null;
  if (devPage !== null && !/^http:\/\/(127\.0\.0\.1|localhost):\d+$/.test(devPage))
    throw new Error(
      `Invalid --dev-page: "${devPage}". Allowed: http://127.0.0.1:PORT (Vite's dev server).`,
    );
  return {
    port,
    devPage,
    open: values['no-open'] !== true,
    dataDir: values['data-dir'] ?? defaultDataDir(),
    help: values.help === true,
  };
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
    launcher: new ChildProcessLauncher(builtWorker(__dirname)),
    dataDir: args.dataDir,
  });
  lab.prestart(DEFAULT_PARAMS.nJobs);
  const host = await startWebHost({
    service: new LabService(lab, new SettingsStore(args.dataDir)),
    rendererDir: join(__dirname, '../renderer'),
    port: args.port,
    pageOrigins: args.devPage ? [args.devPage] : [],
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
