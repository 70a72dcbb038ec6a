/**
 * The headless host: `lab list` and `lab run EXPERIMENT`. Prints a run the way
 * the notebook shows it (joblib's verbose lines on stderr, then the printed
 * results), or one JSON report with --json. Exit 0 on success, 1 when a worker
 * raised, 2 for bad arguments; no worker outlives the command.
 */
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXPERIMENTS, EXPERIMENT_IDS } from '../../shared/experiments';
import { ParamError, validateRunParams } from '../../shared/params';
import { formatPython } from '../../shared/python-format';
import type { RunReport } from '../../shared/report';
import { ChildProcessLauncher } from '../lab/child-process-launcher';
import { Lab } from '../lab/lab';
import { USAGE, parseArgs } from './args';

/** The default data folder of the CLI and the browser host. */
export function defaultDataDir(): string {
  return join(tmpdir(), 'isolation-lab');
}

function printList(): void {
  for (const id of EXPERIMENT_IDS) {
    const lesson = EXPERIMENTS[id];
    process.stdout.write(
      `${id.padEnd(14)} ${lesson.taskName.padEnd(18)} notebook: ${lesson.notebookOutput.split('\n')[0]}\n`,
    );
  }
}

function printNotebookStyle(report: RunReport): void {
  const definition = EXPERIMENTS[report.experiment];
  if (report.error) {
    process.stderr.write(`${report.error.stack}\n`);
    if (definition.id === 'change-global')
      process.stderr.write(`In the notebook, Python raised: ${definition.notebookOutput}\n`);
  } else {
    process.stdout.write(`${formatPython(report.results)}\n`);
  }
  if (definition.printsParentGlobal) {
    const value = report.mainGlobals.find((global) => global.name === 'MY_GLOBAL_VAR');
    process.stdout.write(`${value?.display ?? '?'}\n`);
  }
}

async function main(argv: readonly string[]): Promise<number> {
  let command;
  try {
    command = parseArgs(argv);
    if (command.command === 'run') validateRunParams(command.request);
  } catch (error) {
    if (error instanceof ParamError) {
      process.stderr.write(`${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    throw error;
  }
  if (command.command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (command.command === 'list') {
    printList();
    return 0;
  }

  const dataDir = command.dataDir ?? defaultDataDir();
  mkdirSync(dataDir, { recursive: true });
  const lab = new Lab({
    launcher: new ChildProcessLauncher(join(__dirname, 'worker.js')),
    dataDir,
    existingDatabase: command.existingDatabase,
  });
  const onSignal = (): void => {
    lab.cancel();
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const json = command.json;
    const report = await lab.run(command.request, {
      onEvent: (event) => {
        if (!json && event.type === 'log') process.stderr.write(`${event.line}\n`);
      },
    });
    if (json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    else printNotebookStyle(report);
    return report.error ? 1 : 0;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await lab.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
