/** What the three memory charts share: colours, the MiB axis and tooltip, the legend, the settings line. */
import { createElement, type ReactNode } from 'react';
import type { CompareReport } from '../../../shared/report';
import type { Strategy } from '../../../shared/strategies';
import type { Formats } from '../format';
import type { Translate, Unit } from '../i18n';

/**
 * The memory charts' colours, from the Okabe–Ito palette (told apart under
 * the common colour-vision deficiencies): black for the parent, and one for
 * each worker's line.
 */
export const CHART_COLORS = {
  main: '#000000',
  workers: ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#8C6D00', '#555555'],
} as const;

/**
 * How each strategy is drawn: warm for the full copy, cool for the partial
 * read, purple for shared memory, from the same palette. Colour is never
 * alone: the partial read's bars are hatched and shared memory's dotted,
 * and each strategy's points have their own shape.
 */
export const STRATEGY_STYLE: Record<
  Strategy,
  {
    dataset: string;
    heap: string;
    rest: string;
    fill: 'solid' | 'hatch' | 'dots';
    marker: 'filled' | 'hollow' | 'square';
  }
> = {
  'full-copy': {
    dataset: '#D55E00',
    heap: '#E69F00',
    rest: '#F3C49B',
    fill: 'solid',
    marker: 'filled',
  },
  'partial-read': {
    dataset: '#0072B2',
    heap: '#009E73',
    rest: '#9CCBEA',
    fill: 'hatch',
    marker: 'hollow',
  },
  'shared-memory': {
    dataset: '#CC79A7',
    heap: '#7E2F6A',
    rest: '#EBC9DE',
    fill: 'dots',
    marker: 'square',
  },
};

/** Each worker's line dash (the parent's line is the only solid one), so lines differ in greyscale and for every eye. */
export const WORKER_DASHES = [
  '14 4',
  '6 4',
  '3 4',
  '12 4 3 4',
  '6 3 6 3 1 3',
  '1 3',
  '16 6',
  '8 3 1 3 1 3',
];

/** The text colour of ticks and axis labels: dark enough for a washed-out projector. */
export const TICK_INK = '#1f2933';

/** Ticks of at least 16 px, in the text colour, with numbers as the UI's language writes them. */
export function tickProps(format: Formats) {
  return {
    tick: { fontSize: 16, fill: TICK_INK },
    tickFormatter: (value: unknown) =>
      typeof value === 'number'
        ? format.fixed(value, Number.isInteger(value) ? 0 : 1)
        : String(value),
  };
}

/** Legend labels in the text colour: the light series colours are too faint for words on a projector. */
export function legendText(value: string): ReactNode {
  return createElement('span', { className: 'chart-legend-text' }, value);
}

/** Props of a Y axis in MiB (spread onto <YAxis>: recharts wants its axes as direct children). */
export function mibAxis(label: string, format: Formats) {
  return {
    ...tickProps(format),
    label: {
      value: label,
      angle: -90,
      position: 'insideLeft' as const,
      fontSize: 16,
      fill: TICK_INK,
    },
  };
}

/** An X axis label under the plot. */
export function bottomLabel(value: string) {
  return { value, position: 'insideBottom' as const, offset: -8, fontSize: 16, fill: TICK_INK };
}

/** Tooltip values are MiB. */
export const mibTooltip = (value: unknown): string => `${String(value)} MiB`;

/**
 * Props of the legend: above the plot, in the text colour, its entries in
 * the order the series are drawn (recharts sorts them by name otherwise).
 */
export function legendProps(order: readonly string[]) {
  return {
    verticalAlign: 'top' as const,
    wrapperStyle: { fontSize: 16, paddingBottom: 6 },
    formatter: legendText,
    itemSorter: (item: { dataKey?: unknown }) => order.indexOf(String(item.dataKey)),
  };
}

/** The settings line of a comparison's saved charts: workers, rows, strategies. */
export function compareSettings(
  report: CompareReport,
  t: Translate,
  count: (unit: Unit, n: number) => string,
): string {
  return t('memory.settingsCompare', {
    workers: count('workers', report.params.nJobs),
    rows: count('rows', report.params.rows),
    strategies: report.params.strategies
      .map((strategy) => t(`memory.strategies.${strategy}`).toLowerCase())
      .join(', '),
  });
}
