/**
 * The two tables of the UI: the same keys with the same placeholders, and no
 * English left in the Spanish one (code, names and units aside).
 */
import { describe, expect, it } from 'vitest';
import { LESSONS, LESSON_IDS } from '../../../shared/lessons';
import { en } from './en';
import { es } from './es';

type Table = { [key: string]: string | Table };

function leaves(table: Table, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(table)) {
    if (typeof value === 'string') out.set(`${prefix}${key}`, value);
    else for (const [k, v] of leaves(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string).sort();

/** Words of English prose that Spanish text never needs. */
const ENGLISH =
  /\b(the|and|with|which|from|into|only|each|every|does|cannot|while|would|should|rows?|run|runs)\b/i;

/**
 * Texts that are the same in both languages on purpose: names, code, units,
 * symbols, joblib's parameter names, and the words the course itself uses in
 * Spanish ("worker", "dataset"), or that are Spanish too ("error", "ideal").
 */
const SAME_ON_PURPOSE = new Set([
  'app.title',
  'controls.workers',
  'controls.auto',
  'controls.verbose',
  'map.worker',
  'map.states.error',
  'memory.series.dataset',
  'phasesShort.preparing-dataset',
  'units.workers.one',
  'units.workers.other',
  'memory.series.ideal',
  'memory.axisWorkers',
  'memory.worker',
  'results.printed',
  'memory.axisMiB',
  'memory.exportPng',
  'memory.exportSvg',
  'map.pid',
  'map.returned',
  'compare.liveStep',
]);

/** Strips what is not prose: placeholders, code in backticks or with underscores or calls, units. */
const prose = (text: string): string =>
  text
    .replace(/\{\w+\}/g, ' ')
    .replace(/`[^`]*`/g, ' ')
    .replace(/\S+ \/\/ \S+/g, ' ')
    .replace(/\b[\w.]*(_|\(|\))[\w.()=+\-,'" ]*/g, ' ')
    .replace(
      /\b(MiB|KiB|USS|RSS|PSS|CRC-32|V8|Node|joblib|cloudpickle|pandas|Excel|JavaScript|Python)\b/g,
      ' ',
    );

describe('the Spanish table', () => {
  const english = leaves(en as unknown as Table);
  const spanish = leaves(es as unknown as Table);

  it('has every key of the English one, with the same placeholders', () => {
    expect([...spanish.keys()].sort()).toEqual([...english.keys()].sort());
    const differ = [...english].filter(
      ([key, text]) => placeholders(text).join() !== placeholders(spanish.get(key) ?? '').join(),
    );
    expect(differ.map(([key]) => key)).toEqual([]);
  });

  it('holds no English sentence', () => {
    const left = [...spanish]
      .filter(([key]) => !SAME_ON_PURPOSE.has(key))
      // A text of placeholders and symbols only is the same in every language.
      .filter(([, text]) => /\p{L}{2,}/u.test(prose(text)))
      .filter(([key, text]) => text === english.get(key) || ENGLISH.test(prose(text)))
      .map(([key, text]) => `${key}: ${text}`);
    expect(left).toEqual([]);
  });
});

describe('the lessons’ own texts', () => {
  it('every lesson has its texts and its question, and every lesson that cites joblib’s anchor says what it found', () => {
    for (const id of LESSON_IDS) {
      expect(Object.keys(en.lessons)).toContain(id);
      expect(Object.keys(en.questions)).toContain(id);
      if (LESSONS[id].joblibAnchor) expect(Object.keys(en.joblib)).toContain(id);
    }
  });
});
