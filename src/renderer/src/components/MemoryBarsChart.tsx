import type { ReactNode } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { CompareReport } from '../../../shared/report';
import { useI18n } from '../i18n';
import { barRows } from '../memory/chart-data';
import { ChartPanel } from './ChartPanel';
import {
  CHART_COLORS,
  compareSettings,
  legendProps,
  mibAxis,
  mibTooltip,
  TICK_INK,
} from './chart-style';

/** Per process, the full copy beside the partial read, each stacked by what the memory is. */
export function MemoryBarsChart({ report }: { report: CompareReport }): ReactNode {
  const { t, format, count } = useI18n();
  const figure = report.figure.toUpperCase();
  const rows = barRows(report).map((row) => ({
    ...row,
    name: row.index === 0 ? t('memory.parent') : t('memory.worker', { n: row.index }),
  }));
  const full = t('memory.full');
  const partial = t('memory.partial');
  const bars = [
    { key: 'fullDataset', stack: 'full', name: `${full}: ${t('memory.series.dataset')}` },
    { key: 'fullHeap', stack: 'full', name: `${full}: ${t('memory.series.heap')}` },
    { key: 'fullRest', stack: 'full', name: `${full}: ${t('memory.series.rest')}` },
    { key: 'partialDataset', stack: 'partial', name: `${partial}: ${t('memory.series.dataset')}` },
    { key: 'partialHeap', stack: 'partial', name: `${partial}: ${t('memory.series.heap')}` },
    { key: 'partialRest', stack: 'partial', name: `${partial}: ${t('memory.series.rest')}` },
  ] as const;
  return (
    <ChartPanel
      title={t('memory.barsTitle')}
      settings={compareSettings(report, t, count)}
      note={t('memory.barsNote', { figure })}
      exportName="memory-per-process"
      testId="chart-bars"
    >
      <ResponsiveContainer width="100%" height={330}>
        <BarChart
          data={rows}
          margin={{ top: 8, right: 8, bottom: 8, left: 8 }}
          barCategoryGap="18%"
        >
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <defs>
            {bars
              .filter((bar) => bar.stack === 'partial')
              .map((bar) => (
                <pattern
                  key={bar.key}
                  id={`hatch-${bar.key}`}
                  width="8"
                  height="8"
                  patternUnits="userSpaceOnUse"
                  patternTransform="rotate(45)"
                >
                  <rect width="8" height="8" fill={CHART_COLORS[bar.key]} />
                  <line x1="0" y1="0" x2="0" y2="8" stroke="#ffffff" strokeWidth="3" />
                </pattern>
              ))}
          </defs>
          <XAxis dataKey="name" tick={{ fontSize: 16, fill: TICK_INK }} interval={0} />
          <YAxis {...mibAxis(t('memory.axisMiB'), format)} />
          <Tooltip formatter={mibTooltip} />
          <Legend {...legendProps(bars.map((bar) => bar.key))} />
          {bars.map((bar) => (
            <Bar
              key={bar.key}
              dataKey={bar.key}
              stackId={bar.stack}
              name={bar.name}
              // The partial read is hatched: told apart from the full copy in greyscale too.
              fill={bar.stack === 'partial' ? `url(#hatch-${bar.key})` : CHART_COLORS[bar.key]}
              stroke={TICK_INK}
              strokeWidth={0.5}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </ChartPanel>
  );
}
