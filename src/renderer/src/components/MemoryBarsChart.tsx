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
import { CHART_COLORS, compareSettings, legendProps, mibAxis, mibTooltip } from './chart-style';

/** Per process, the full copy beside the partial read, each stacked by what the memory is. */
export function MemoryBarsChart({ report }: { report: CompareReport }): ReactNode {
  const { t, format } = useI18n();
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
      settings={compareSettings(report, t, format)}
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
          <XAxis dataKey="name" tick={{ fontSize: 15 }} />
          <YAxis {...mibAxis(t('memory.axisMiB'), 14)} />
          <Tooltip formatter={mibTooltip} />
          <Legend {...legendProps(14)} />
          {bars.map((bar) => (
            <Bar
              key={bar.key}
              dataKey={bar.key}
              stackId={bar.stack}
              name={bar.name}
              fill={CHART_COLORS[bar.key]}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </ChartPanel>
  );
}
