/**
 * Processes as the tests look at them: a process's children, and whether a
 * process is still there. One rule for every test that checks nothing is
 * left behind.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { processState } from '../../src/main/lab/process-state';

/** The pids of a process's children, from /proc (Linux); none elsewhere. */
export function childrenOf(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((task) =>
      readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8')
        .split(' ')
        .filter(Boolean)
        .map(Number),
    );
  } catch {
    return [];
  }
}

/**
 * True while a process has not exited. A zombie waiting for its parent to
 * reap it has exited (an orphan's new parent may never reap it); where there
 * is no /proc, whether the pid can still be signalled.
 */
export function isAlive(pid: number): boolean {
  if (process.platform === 'linux') {
    const state = processState(pid);
    return state !== null && state !== 'Z' && state !== 'X';
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
