/**
 * The packaging, checked without building (Electron cannot be downloaded
 * here): electron-builder's own validation of electron-builder.json, the
 * targets and fuses the app promises, everything the worker loads unpacked
 * from the asar, and the icons at the sizes each platform asks for.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../../test/support/paths';
import { unpackedPath } from './packaged-paths';

const require = createRequire(import.meta.url);
const config = JSON.parse(readFileSync(join(ROOT, 'electron-builder.json'), 'utf8')) as {
  asarUnpack: string[];
  files: string[];
  electronFuses: Record<string, boolean>;
  linux: { target: string[]; icon: string };
  mac: { target: string[]; icon: string };
  win: { target: string[]; icon: string };
};

/** Width and height from a PNG's IHDR chunk. */
function pngSize(path: string): [number, number] {
  const png = readFileSync(path);
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  expect(png.subarray(12, 16).toString()).toBe('IHDR');
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

/** The packages a package needs at run time, itself included, recursively. */
function runtimePackages(name: string, seen = new Set<string>()): Set<string> {
  if (seen.has(name)) return seen;
  seen.add(name);
  const manifest = require(`${name}/package.json`) as { dependencies?: Record<string, string> };
  for (const dependency of Object.keys(manifest.dependencies ?? {}))
    runtimePackages(dependency, seen);
  return seen;
}

describe('electron-builder.json', () => {
  it("passes electron-builder's own validation", async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
      validateConfiguration: (config: unknown, logger: unknown) => Promise<void>;
    };
    const { DebugLogger } = require('builder-util') as {
      DebugLogger: new (on: boolean) => unknown;
    };
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    await expect(
      validateConfiguration(
        { ...config, electronFuses: { runAsNode: 'no' } },
        new DebugLogger(false),
      ),
    ).rejects.toThrow(/runAsNode/);
  });

  it('builds AppImage and deb, dmg, and an NSIS installer', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.win.target).toEqual(['nsis']);
  });

  it('flips the fuses: no RunAsNode, no NODE_OPTIONS, ASAR integrity, only the app from the ASAR', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('ships the built app and its resources, and unpacks what the worker loads', () => {
    expect(config.files).toEqual(
      expect.arrayContaining(['out/main/**', 'out/preload/**', 'out/renderer/**', 'resources/**']),
    );
    expect(config.files.some((pattern) => /bench|test|src/.test(pattern))).toBe(false);
    expect(config.asarUnpack).toEqual(
      expect.arrayContaining(['out/main/worker.js', 'out/main/chunks/**', 'resources/**']),
    );
    // The worker's libraries, and theirs: a utilityProcess loads them from the real files.
    for (const name of [...runtimePackages('yauzl'), ...runtimePackages('saxes')])
      expect(config.asarUnpack, name).toContain(`node_modules/${name}/**`);
  });
});

describe('the icons', () => {
  it('exist at every size, made from resources/icon.svg', () => {
    for (const size of [16, 24, 32, 48, 64, 128, 256, 512, 1024])
      expect(pngSize(join(ROOT, config.linux.icon, `${size}x${size}.png`))).toEqual([size, size]);
    expect(pngSize(join(ROOT, 'resources/icon.png'))).toEqual([512, 512]);
    expect(readFileSync(join(ROOT, 'resources/icon.svg'), 'utf8')).toContain(
      'viewBox="0 0 1024 1024"',
    );
  });

  it('the Windows .ico holds a 256-pixel image, the macOS .icns its whole length', () => {
    const ico = readFileSync(join(ROOT, config.win.icon));
    expect(ico.readUInt16LE(2)).toBe(1);
    const count = ico.readUInt16LE(4);
    const widths = Array.from({ length: count }, (_, i) => ico[6 + 16 * i] || 256);
    expect(widths).toContain(256);
    const icns = readFileSync(join(ROOT, config.mac.icon));
    expect(icns.subarray(0, 4).toString()).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
  });
});

describe('unpackedPath', () => {
  it('moves a path inside app.asar to app.asar.unpacked, and leaves others alone', () => {
    const app = ['', 'opt', 'Isolation Lab', 'resources'].join(sep);
    expect(unpackedPath(`${app}${sep}app.asar${sep}out${sep}main${sep}worker.js`)).toBe(
      `${app}${sep}app.asar.unpacked${sep}out${sep}main${sep}worker.js`,
    );
    const dev = ['', 'work', 'out', 'main', 'worker.js'].join(sep);
    expect(unpackedPath(dev)).toBe(dev);
    expect(unpackedPath(`${app}${sep}app.asar.unpacked${sep}x`)).toBe(
      `${app}${sep}app.asar.unpacked${sep}x`,
    );
  });
});
