/**
 * A lab on the built worker with its own data folder, for integration tests,
 * and the checks they share. Everything here is real: processes, files, OS
 * figures.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChildProcessLauncher } from '../../src/main/lab/child-process-launcher';
import { Lab, type LabOptions } from '../../src/main/lab/lab';
import { BUILT_WORKER } from './paths';

export { isAlive } from './processes';

export interface LabFixture {
  lab: Lab;
  dataDir: string;
  dispose(): Promise<void>;
}

export function createLab(options: Partial<Omit<LabOptions, 'launcher'>> = {}): LabFixture {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'isolation-lab-test-'));
  const lab = new Lab({ launcher: new ChildProcessLauncher(BUILT_WORKER), dataDir, ...options });
  return {
    lab,
    dataDir,
    async dispose() {
      await lab.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Temporary sheet copies an xlsx reader makes (`tmp-<pid>-…` in the temp folder, as exceljs's did): a read must leave none. */
export function tempFilesOf(pids: readonly number[]): string[] {
  return readdirSync(tmpdir()).filter((name) => pids.some((pid) => name.startsWith(`tmp-${pid}-`)));
}
