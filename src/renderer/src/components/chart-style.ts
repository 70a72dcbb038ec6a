/** What the three memory charts share: colours, the MiB axis and tooltip, the legend, the settings line. */
import { createElement, type ReactNode } from 'react';
import type { CompareReport } from '../../../shared/report';
import type { Formats } from '../format';
import type { Translate } from '../i18n';

/** The memory charts' colours: reds for the full copy, blues for the partial read, strong enough for a projector. */
export const CHART_COLORS = {
  fullDataset: '#b3261e',
  fullHeap: '#e8710a',
  fullRest: '#f4b6ae',
  partialDataset: '#1559a8',
  partialHeap: '#16825d',
  partialRest: '#a9cdf2',
  main: '#5b2a86',
  workers: ['#1559a8', '#b3261e', '#16825d', '#e8710a', '#7b5800', '#0b7a8a', '#9c2778', '#4b5563'],
} as const;

/** Legend labels in the text colour: the light series colours are too faint for words on a projector. */
export function legendText(value: string): ReactNode {
  return createElement('span', { className: 'chart-legend-text' }, value);
}

/** Props of a Y axis in MiB (spread onto <YAxis>: recharts wants its axes as direct children). */
export function mibAxis(label: string, fontSize: number) {
  return {
    tick: { fontSize },
    label: { value: label, angle: -90, position: 'insideLeft' as const, fontSize },
  };
}

/** An X axis label under the plot. */
export function bottomLabel(value: string, fontSize: number) {
  return { value, position: 'insideBottom' as const, offset: -8, fontSize };
}

/** Tooltip values are MiB. */
export const mibTooltip = (value: unknown): string => `${String(value)} MiB`;

/** Props of the legend: above the plot, in the text colour. */
export function legendProps(fontSize: number) {
  return {
    verticalAlign: 'top' as const,
    wrapperStyle: { fontSize, paddingBottom: 6 },
    formatter: legendText,
  };
}

/** The settings line of a comparison's saved charts: workers, rows, strategies. */
export function compareSettings(report: CompareReport, t: Translate, format: Formats): string {
  return t('memory.settingsCompare', {
    workers: format.count(report.params.nJobs),
    rows: format.count(report.params.rows),
  });
}
