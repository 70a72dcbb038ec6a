/**
 * The settings file (settings.json in the app's data folder): read once,
 * written whole to a temporary name and renamed, one write at a time. A file
 * that is missing, unreadable or edited into something else counts as
 * nothing chosen; it is never a reason not to start.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  settingsFileSchema,
  settingsSchema,
  type Settings,
  type SettingsFile,
} from '../../shared/settings';

export type Screen = keyof SettingsFile;

export class SettingsStore {
  private file: Promise<SettingsFile>;
  private writing: Promise<void> = Promise.resolve();

  /** @param folder where settings.json lives; null keeps the settings in memory only (the CLI, tests). */
  constructor(private readonly folder: string | null) {
    this.file = folder ? this.load(join(folder, 'settings.json')) : Promise.resolve({});
  }

  private async load(path: string): Promise<SettingsFile> {
    try {
      const parsed = settingsFileSchema.safeParse(JSON.parse(await readFile(path, 'utf8')));
      return parsed.success ? parsed.data : {};
    } catch {
      return {};
    }
  }

  /** The settings of one kind of screen. */
  async get(screen: Screen): Promise<Settings> {
    return (await this.file)[screen] ?? {};
  }

  /** Merges a change (already parsed) into a screen's settings and writes the file. */
  async save(screen: Screen, change: Settings): Promise<Settings> {
    const file = await this.file;
    const next = settingsSchema.parse({ ...file[screen], ...change });
    const updated = { ...file, [screen]: next };
    this.file = Promise.resolve(updated);
    const folder = this.folder;
    if (folder) {
      const write = this.writing.then(async () => {
        const path = join(folder, 'settings.json');
        const temporary = `${path}.${process.pid}.tmp`;
        await writeFile(temporary, `${JSON.stringify(updated, null, 2)}\n`);
        await rename(temporary, path);
      });
      // A failed write is the caller's to report; the next one still runs.
      this.writing = write.catch(() => undefined);
      await write;
    }
    return next;
  }
}
