/**
 * The CLI as a student types it: the built `out/main/cli.js`, real workers,
 * exit codes and messages.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { processState } from '../lab/process-state';
import { childrenOf, isAlive } from '../../../test/support/processes';
import { BUILT_CLI } from '../../../test/support/paths';

const dataDir = mkdtempSync(join(tmpdir(), 'isolation-lab-cli-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, [BUILT_CLI, ...args, '--data-dir', dataDir], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('lab run', () => {
  it('prints like the notebook', () => {
    const run = cli('run', 'write-global');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('[0, 1]\n1.4\n');
    expect(run.stderr).toContain(
      '[Parallel(n_jobs=2)]: Using backend ChildProcessBackend with 2 concurrent workers.',
    );
  });

  it('exits 1 when a worker raised, with the report still printed', () => {
    const run = cli('run', 'change-global', '--json');
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.error.cause).toEqual({
      name: 'TypeError',
      message: 'Assignment to constant variable.',
    });
  });

  it("reproduces the issue's million-row partial read: sums add up to 499,999,500,000", () => {
    const run = cli('run', 'partial-read', '--workers', '4', '--rows', '1000000', '--json');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.results.map((r: { shape: number[] }) => r.shape)).toEqual([
      [250000, 1],
      [250000, 1],
      [250000, 1],
      [250000, 1],
    ]);
    expect(report.results.reduce((total: number, r: { sum: number }) => total + r.sum, 0)).toBe(
      499_999_500_000,
    );
  });

  it.each([
    [['run', 'nope'], 'Invalid experiment: "nope"'],
    [
      ['run', 'read-global', '--workers', '0'],
      'Invalid workers (nJobs): "0". Allowed: a whole number from 1 to 32.',
    ],
    [['run', 'partial-read', '--rows', '1048576'], 'Allowed: a whole number from 1 to 1,048,575.'],
    [['run', 'read-global', '--batch-size', '0'], 'Invalid batch size: "0". Allowed: "auto"'],
    [['run', 'read-global', '--bogus'], 'Invalid option: "--bogus"'],
  ])('exits 2 for %j, naming the parameter, the value and what is allowed', (args, message) => {
    const run = cli(...args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stdout).toBe('');
  });

  it.runIf(totalmem() < 80 * 1024 ** 3)(
    "refuses the issue's full-copy of 100,000,000 rows to 16 workers (the lab's guard test checks that nothing starts)",
    () => {
      const run = cli('run', 'full-copy', '--workers', '16', '--rows', '100000000');
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(
        /Refused before starting: full-copy with 16 workers and 100,000,000 rows needs about [\d.]+ GiB at its peak/,
      );
      expect(run.stderr).toMatch(
        /but the budget is [\d.]+ GiB: half of the [\d.]+ GiB of memory available now/,
      );
      expect(run.stdout).toBe('');
    },
  );

  it('compare prints every strategy, per process, with the duplication and the ideal', () => {
    const run = cli('compare', '--workers', '2', '--rows', '100000');
    expect(run.code).toBe(0);
    // 0 + … + 49,999 and 50,000 + … + 99,999
    expect(run.stdout).toContain('full-copy: [1249975000, 3749975000]');
    expect(run.stdout).toContain('workers: counted 1.53 MiB = 2.00× the dataset');
    expect(run.stdout).toContain('workers: counted 0.76 MiB = 1.00× the dataset');
    expect(run.stdout).toContain('all processes: counted 2.29 MiB, ideal 2.29 MiB ((N+1)·D)');
    expect(run.stdout).toContain('all processes: counted 1.53 MiB, ideal 1.53 MiB (2·D)');
    expect(run.stdout).toContain('shared-memory: [1.4, 2.4]');
    expect(run.stdout).toContain('all processes: counted 0.76 MiB, ideal 0.76 MiB (1·D)');
    expect(run.stdout).toMatch(/each of its 2 threads' own heap grew by at most [\d.]+ KiB/);
  });

  it('compare --strategies runs only those, and refuses a name it does not know', () => {
    const run = cli('compare', '--strategies', 'shared-memory', '--rows', '1000', '--json');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as { strategies: { experiment: string }[] };
    expect(report.strategies.map((s) => s.experiment)).toEqual(['shared-memory']);
    const refused = cli('compare', '--strategies', 'full-copy,threads');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(
      'Invalid strategies: "full-copy,threads". Allowed: one or more of full-copy, partial-read, shared-memory',
    );
  });
});

async function until(check: () => boolean, ms: number): Promise<boolean> {
  for (const end = performance.now() + ms; performance.now() < end;) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return check();
}

/** A CLI run in the background, once its pool is up (joblib's first line is out), with its workers. */
async function runningCli(...args: string[]) {
  const child = spawn(process.execPath, [BUILT_CLI, 'run', ...args, '--data-dir', dataDir], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const output = { stderr: '' };
  // Listened for from the start: an exit before the pool is up must not be missed.
  const exited = new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
  const up = await Promise.race([
    new Promise<boolean>((resolve) =>
      child.stderr.on('data', (chunk: Buffer) => {
        output.stderr += chunk.toString();
        if (output.stderr.includes('Using backend')) resolve(true);
      }),
    ),
    exited.then(() => false),
  ]);
  if (!up) throw new Error(`the CLI ended before its pool was up: ${output.stderr}`);
  return { child, output, exited, workers: childrenOf(child.pid as number) };
}

describe.skipIf(process.platform !== 'linux')('Ctrl-C and kill', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('%s mid-run: one line, exit %i, and no worker left', async (signal, code) => {
    const run = await runningCli('full-copy', '--workers', '4', '--rows', '20000000');
    expect(run.workers.length).toBeGreaterThanOrEqual(4);
    run.child.kill(signal);
    expect(await run.exited).toBe(code);
    expect(run.output.stderr.trim().split('\n').at(-1)).toBe(
      `Interrupted (${signal}): the run was cancelled and its workers stopped.`,
    );
    expect(run.output.stderr).not.toMatch(/\n\s+at /);
    expect(run.workers.filter(isAlive)).toEqual([]);
  });

  it('a worker stopped when its CLI was killed exits as soon as it is continued', async () => {
    const { child, exited, workers } = await runningCli('read-global', '--tasks', '1000000');
    expect(workers).toHaveLength(2);
    for (const pid of workers) process.kill(pid, 'SIGSTOP');
    child.kill('SIGKILL');
    await exited;
    // The parent is gone, the workers cannot notice while stopped.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(workers.map(processState)).toEqual(['T', 'T']);
    for (const pid of workers) process.kill(pid, 'SIGCONT');
    expect(await until(() => workers.every((pid) => !isAlive(pid)), 5_000)).toBe(true);
  });

  it('Ctrl-C with stopped workers: exit 130, and the stopped workers are killed too', async () => {
    const { child, exited, workers } = await runningCli('read-global', '--tasks', '1000000');
    for (const pid of workers) process.kill(pid, 'SIGSTOP');
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(workers.filter(isAlive)).toEqual([]);
  });
});
