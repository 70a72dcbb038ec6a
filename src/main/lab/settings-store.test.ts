import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SETTINGS_ALLOWED, settingsSchema } from '../../shared/settings';
import { SettingsStore } from './settings-store';

const folders: string[] = [];
const folder = (): string => {
  const path = mkdtempSync(join(tmpdir(), 'isolation-lab-settings-'));
  folders.push(path);
  return path;
};
afterEach(() => {
  for (const path of folders.splice(0)) rmSync(path, { recursive: true, force: true });
});

describe('SettingsStore', () => {
  it('remembers each screen’s choices across launches, in settings.json', async () => {
    const dir = folder();
    const first = new SettingsStore(dir);
    expect(await first.get('main')).toEqual({});
    await first.save('main', { language: 'es' });
    expect(await first.save('main', { fontScale: 1.5 })).toEqual({
      language: 'es',
      fontScale: 1.5,
    });
    await first.save('watch', { present: true, fontScale: 2 });
    const next = new SettingsStore(dir);
    expect(await next.get('main')).toEqual({ language: 'es', fontScale: 1.5 });
    expect(await next.get('watch')).toEqual({ present: true, fontScale: 2 });
    expect(JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8')).main.language).toBe('es');
  });

  it('starts with nothing chosen from a missing, broken or hand-edited file', async () => {
    for (const content of [null, '{ not json', '{"main": {"language": "klingon"}}', '[]']) {
      const dir = folder();
      if (content !== null) writeFileSync(join(dir, 'settings.json'), content);
      expect(await new SettingsStore(dir).get('main')).toEqual({});
    }
  });

  it('keeps settings in memory without a folder, and refuses values outside the schema', async () => {
    const store = new SettingsStore(null);
    await store.save('main', { present: true });
    expect(await store.get('main')).toEqual({ present: true });
    await expect(store.save('main', { fontScale: 3 } as never)).rejects.toThrow();
  });

  it('the words that refuse a change name every setting there is', () => {
    for (const key of Object.keys(settingsSchema.shape))
      expect(SETTINGS_ALLOWED).toContain(`${key} (`);
  });
});
