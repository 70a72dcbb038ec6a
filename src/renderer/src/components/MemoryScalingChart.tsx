import type { ReactNode } from 'react';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { CompareReport } from '../../../shared/report';
import { useI18n } from '../i18n';
import { scalingRows } from '../memory/chart-data';
import { ChartPanel } from './ChartPanel';
import {
  CHART_COLORS,
  bottomLabel,
  compareSettings,
  legendProps,
  mibAxis,
  mibTooltip,
  tickProps,
} from './chart-style';

/** Memory of the dataset in all processes against the number of workers: measured, and the ideal lines. */
export function MemoryScalingChart({ report }: { report: CompareReport }): ReactNode {
  const { t, format, count } = useI18n();
  const rows = scalingRows(report);
  const full = t('memory.full');
  const partial = t('memory.partial');
  return (
    <ChartPanel
      title={t('memory.scalingTitle')}
      settings={compareSettings(report, t, count)}
      note={t('memory.scalingNote')}
      exportName="memory-scaling"
      testId="chart-scaling"
    >
      <ResponsiveContainer width="100%" height={300}>
        <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 16, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis
            dataKey="workers"
            {...tickProps(format)}
            label={bottomLabel(t('memory.axisWorkers'))}
          />
          <YAxis {...mibAxis(t('memory.axisMiB'), format)} />
          <Tooltip formatter={mibTooltip} />
          <Legend
            {...legendProps(['fullMeasured', 'fullIdeal', 'partialMeasured', 'partialIdeal'])}
          />
          <Line
            dataKey="fullMeasured"
            name={`${full}, ${t('memory.series.measured')}`}
            stroke={CHART_COLORS.fullDataset}
            strokeWidth={3}
            dot={{ r: 5, strokeWidth: 2, fill: CHART_COLORS.fullDataset }}
            isAnimationActive={false}
          />
          <Line
            dataKey="fullIdeal"
            name={`${full}, ${t('memory.series.ideal')} (N+1)·D`}
            stroke={CHART_COLORS.fullDataset}
            strokeDasharray="8 5"
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          />
          <Line
            dataKey="partialMeasured"
            name={`${partial}, ${t('memory.series.measured')}`}
            stroke={CHART_COLORS.partialDataset}
            strokeWidth={3}
            dot={{ r: 5, strokeWidth: 2, fill: '#ffffff' }}
            isAnimationActive={false}
          />
          <Line
            dataKey="partialIdeal"
            name={`${partial}, ${t('memory.series.ideal')} 2·D`}
            stroke={CHART_COLORS.partialDataset}
            strokeDasharray="8 5"
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </ChartPanel>
  );
}
