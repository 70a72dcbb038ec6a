import { createElement, type ReactNode } from 'react';

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
