/**
 * What the operating system says a worker is doing, for the watch that keeps
 * a run from waiting blind: on Linux the state letter of /proc/<pid>/stat
 * (`T` stopped by a signal such as SIGSTOP, `R` running, `S` sleeping...);
 * elsewhere nothing, and silence alone tells.
 */
import { readFileSync } from 'node:fs';

/** The kernel's state letters that the lab names (proc(5)). */
export type ProcessState = 'R' | 'S' | 'D' | 'T' | 't' | 'Z' | 'X' | 'I' | 'W' | 'P' | 'K';

const STATES = new Set<string>(['R', 'S', 'D', 'T', 't', 'Z', 'X', 'I', 'W', 'P', 'K']);

/**
 * The state letter of a process, or null where /proc does not exist or the
 * process is gone. The command name in parentheses may itself hold spaces and
 * parentheses, so the letter is read after the last `)`.
 */
export function processState(pid: number): ProcessState | null {
  if (process.platform !== 'linux' || !Number.isInteger(pid) || pid <= 0) return null;
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
  } catch {
    return null;
  }
  const letter = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
  return STATES.has(letter) ? (letter as ProcessState) : null;
}

/** True for a process stopped by a signal (SIGSTOP, SIGTSTP) or by a debugger. */
export function isStopped(state: ProcessState | null): boolean {
  return state === 'T' || state === 't';
}
