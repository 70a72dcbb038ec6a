/**
 * The lab's own my_database.xlsx: a standard workbook that exceljs and
 * openpyxl open, whose row index lets each worker inflate only its chunk and
 * verify every byte it read; and a writer that names the path when the disk
 * refuses, and leaves no temporary file behind.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROWS_PER_FLUSH_BLOCK, ROW_INDEX_PART } from '../../shared/workbook-format';
import {
  buildXlsx,
  dataRows,
  HEADER_ROW,
  range,
  sheetXml,
} from '../../../test/support/xlsx-builder';
import { readExcelChunk } from '../../worker/excel-reader';
import { readLayout } from '../../worker/xlsx-package';
import { ZipArchive } from '../../worker/zip-archive';
import { makeDataFrame } from './dataset';
import { removeAbandonedWrites, writeDatabase } from './excel-database';

const ROWS = 100_000;
let dir: string;
let path: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'isolation-lab-db-'));
  path = join(dir, 'my_database.xlsx');
  await writeDatabase(path, makeDataFrame(ROWS).my_data);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** 0 + 1 + … over data rows skiprows … skiprows+nrows-1. */
const expectedSum = (skiprows: number, nrows: number): number =>
  (nrows * (2 * skiprows + nrows - 1)) / 2;

describe("the lab's workbook", () => {
  it('any chunk reads exactly, from the flush block before it, every byte verified', async () => {
    const blockBytes = 2 * 1024 * 1024;
    for (const [skiprows, nrows] of [
      [0, 50],
      [0, ROWS],
      [16_383, 2],
      [50_000, 25_000],
      [ROWS - 1, 1],
    ] as const) {
      const { chunk, stats } = await readExcelChunk(path, { skiprows, nrows });
      expect(chunk.my_data.length).toBe(nrows);
      expect(chunk.my_data.reduce((t, v) => t + v, 0)).toBe(expectedSum(skiprows, nrows));
      expect(stats).toMatchObject({ reader: 'scanner', index: 'used', crc32: 'verified' });
      const firstRow = skiprows + 2;
      expect(stats.startRow).toBeLessThanOrEqual(firstRow);
      expect(firstRow - stats.startRow).toBeLessThan(ROWS_PER_FLUSH_BLOCK);
      // Its share of the sheet, plus the header block and the blocks it starts and ends in.
      const share = (nrows / ROWS) * stats.sheetUncompressedBytes;
      expect(stats.uncompressedBytes).toBeLessThanOrEqual(share + blockBytes);
      expect(stats.compressedBytes).toBeLessThan(stats.uncompressedBytes);
    }
  });

  it('exceljs reads every value back', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const sheet = workbook.worksheets[0];
    expect(sheet?.getCell('A1').value).toBe('my_data');
    expect(sheet?.rowCount).toBe(ROWS + 1);
    let total = 0;
    sheet?.eachRow((row, n) => {
      if (n > 1) total += row.getCell(1).value as number;
    });
    expect(total).toBe(expectedSum(0, ROWS));
  });

  const python = '/usr/bin/python3';
  const hasOpenpyxl =
    existsSync(python) && spawnSync(python, ['-c', 'import openpyxl']).status === 0;
  const openpyxlRequired = process.env.ISOLATION_LAB_REQUIRE_OPENPYXL === '1';
  it.skipIf(!hasOpenpyxl && !openpyxlRequired)(
    "openpyxl (the tutorial's reader, through pandas) opens it (needs: apt-get install python3-openpyxl)",
    () => {
      expect(hasOpenpyxl, 'CI installs python3-openpyxl: /usr/bin/python3 cannot import it').toBe(
        true,
      );
      const script =
        'import sys, openpyxl\n' +
        'ws = openpyxl.load_workbook(sys.argv[1], read_only=True).worksheets[0]\n' +
        'rows = list(ws.iter_rows(values_only=True))\n' +
        'print(rows[0][0], len(rows) - 1, sum(r[0] for r in rows[1:]))\n';
      const result = spawnSync(python, ['-c', script, path], { encoding: 'utf8' });
      expect(result.stderr).toBe('');
      expect(result.stdout.trim()).toBe(`my_data ${ROWS} ${expectedSum(0, ROWS)}`);
    },
  );

  it('an index that no longer matches its sheet is ignored, and the sheet is read as it is', async () => {
    const archive = await ZipArchive.open(path);
    const entry = archive.get(ROW_INDEX_PART);
    const index = entry ? await archive.readPart(entry) : Buffer.alloc(0);
    const rootRels = await archive.readPart(archive.get('_rels/.rels') as never);
    await archive.close();
    const edited = dataRows(range(100).map((v) => (v === 70 ? 1070 : v)));
    const bytes = buildXlsx({
      sheets: [{ name: 'Sheet1', xml: sheetXml(HEADER_ROW + edited) }],
      extra: [
        { name: ROW_INDEX_PART, data: index },
        { name: '_rels/.rels', data: rootRels },
      ],
    });
    const stale = join(dir, 'stale.xlsx');
    writeFileSync(stale, bytes);
    const { chunk, stats } = await readExcelChunk(stale, { skiprows: 50, nrows: 50 });
    expect(chunk.my_data.reduce((t, v) => t + v, 0)).toBe(3725 + 1000);
    expect(stats).toMatchObject({ index: 'ignored', startRow: 1 });
  });

  it('a damaged byte inside one block fails the chunk that reads it, and only that one', async () => {
    const bytes = await readFile(path);
    const archive = await ZipArchive.open(path);
    const { sheet, index } = await readLayout(archive);
    await archive.close();
    const last = index?.deflateBlocks.at(-1);
    if (!last) throw new Error('the lab wrote no index');
    // The sheet's data starts after its 30-byte local header and its name (the writer adds no extra field).
    const dataStart = sheet.raw.relativeOffsetOfLocalHeader + 30 + sheet.name.length;
    const at = dataStart + Math.floor((last.compressedStart + last.compressedEnd) / 2);
    const damaged = Buffer.from(bytes);
    damaged[at] = (damaged[at] as number) ^ 0xff;
    const copy = join(dir, 'damaged.xlsx');
    writeFileSync(copy, damaged);
    const early = await readExcelChunk(copy, { skiprows: 0, nrows: 1000 });
    expect(early.stats.crc32).toBe('verified');
    await expect(readExcelChunk(copy, { skiprows: ROWS - 1000, nrows: 1000 })).rejects.toThrow(
      /xl\/worksheets\/sheet1\.xml is damaged/,
    );
  });
});

describe('writing', () => {
  it('removes temporary files of writes whose process is gone, and only those', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'isolation-lab-tmp-'));
    const dead = spawnSync(process.execPath, ['-e', 'process.exit(0)']).pid as number;
    const names = [
      `my_database.xlsx.${dead}-0a1b2c3d.tmp`,
      `my_database.xlsx.${process.pid}-0a1b2c3d.tmp`,
      'my_database.xlsx.notes.tmp',
      'other.xlsx.12345-0a1b2c3d.tmp',
    ];
    for (const name of names) writeFileSync(join(folder, name), 'partial');
    expect(await removeAbandonedWrites(join(folder, 'my_database.xlsx'))).toEqual([names[0]]);
    await writeDatabase(join(folder, 'my_database.xlsx'), makeDataFrame(10).my_data);
    expect(readdirSync(folder).sort()).toEqual([...names.slice(1), 'my_database.xlsx'].sort());
    rmSync(folder, { recursive: true, force: true });
  });

  const isRoot = process.getuid?.() === 0;
  it.skipIf(!isRoot)(
    'a full disk is an error that names the path, and leaves nothing (needs root for a small tmpfs)',
    async () => {
      const mount = mkdtempSync(join(tmpdir(), 'isolation-lab-full-'));
      mkdirSync(mount, { recursive: true });
      const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=128k', 'tmpfs', mount]);
      expect(mounted.status, `mount failed: ${mounted.stderr}`).toBe(0);
      try {
        const target = join(mount, 'my_database.xlsx');
        await expect(writeDatabase(target, makeDataFrame(1_000_000).my_data)).rejects.toThrow(
          `${target}: cannot be written: the disk is full (ENOSPC): free some space or choose another data folder`,
        );
        expect(readdirSync(mount)).toEqual([]);
      } finally {
        spawnSync('umount', [mount]);
        rmSync(mount, { recursive: true, force: true });
      }
    },
  );
});
