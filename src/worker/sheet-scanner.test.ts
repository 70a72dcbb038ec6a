/**
 * The scanner on real workbooks: the lab's own (written by the lab's writer)
 * and one written by exceljs's regular writer; and the layouts it must hand
 * over to the full reader.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDataFrame } from '../main/lab/dataset';
import { writeDatabase } from '../main/lab/excel-database';
import { writeWorkbook } from '../main/lab/test-support/workbooks';
import { NeedsFullReader, scanChunk } from './sheet-scanner';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'isolation-lab-scan-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sum = (data: Float64Array): number => data.reduce((t, v) => t + v, 0);
const noProgress = (): void => undefined;

describe('scanChunk', () => {
  it("reads any chunk of the lab's own workbook exactly", async () => {
    const path = join(dir, 'own.xlsx');
    await writeDatabase(path, makeDataFrame(100_000).my_data);
    for (const [skiprows, nrows] of [
      [0, 50],
      [50, 50],
      [99_990, 10],
      [33_333, 33_333],
      [0, 100_000],
    ] as const) {
      const { data, firstRowMs } = await scanChunk(path, {
        skiprows,
        nrows,
        onProgress: noProgress,
      });
      expect(data.length).toBe(nrows);
      expect(data[0]).toBe(skiprows);
      expect(data[nrows - 1]).toBe(skiprows + nrows - 1);
      expect(sum(data)).toBe(((skiprows + skiprows + nrows - 1) * nrows) / 2);
      expect(firstRowMs).toBeGreaterThanOrEqual(0);
    }
  });

  it('reads a workbook written by exceljs itself', async () => {
    const path = join(dir, 'regular.xlsx');
    await writeWorkbook(
      path,
      Array.from({ length: 100 }, (_, i) => i),
    );
    const { data } = await scanChunk(path, { skiprows: 50, nrows: 50, onProgress: noProgress });
    expect(sum(data)).toBe(3725);
  });

  it.each([
    ['a text cell', ['0', 1, 2]],
    ['an empty cell', [0, null, 2]],
    ['a formula', [0, { formula: '1+1', result: 2 }, 2]],
  ])('hands %s over to the full reader', async (_name, cells) => {
    const path = join(dir, `odd-${String(_name).replace(/\W/g, '')}.xlsx`);
    await writeWorkbook(path, cells);
    await expect(
      scanChunk(path, { skiprows: 0, nrows: 3, onProgress: noProgress }),
    ).rejects.toBeInstanceOf(NeedsFullReader);
  });

  it('hands a sheet that ends early over to the full reader', async () => {
    const path = join(dir, 'short.xlsx');
    await writeWorkbook(path, [0, 1, 2]);
    await expect(
      scanChunk(path, { skiprows: 0, nrows: 5, onProgress: noProgress }),
    ).rejects.toBeInstanceOf(NeedsFullReader);
  });

  it('reports progress and stops when told to', async () => {
    const path = join(dir, 'own.xlsx');
    const seen: number[] = [];
    await expect(
      scanChunk(path, {
        skiprows: 0,
        nrows: 100_000,
        onProgress: (n) => {
          seen.push(n);
          if (n >= 32_768) throw new Error('stop');
        },
      }),
    ).rejects.toThrow('stop');
    expect(seen).toEqual([16_384, 32_768]);
  });
});
