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
import type { MemorySample } from '../../../shared/memory';
import { useI18n } from '../i18n';
import { timelineRows } from '../memory/chart-data';
import { ChartPanel } from './ChartPanel';
import { CHART_COLORS, bottomLabel, legendProps, mibAxis, mibTooltip } from './chart-style';

interface Props {
  samples: readonly MemorySample[];
  /** Shown after the chart's title (the strategy, say). */
  subtitle?: string;
  /** The run's settings, for a saved picture. */
  settings: string;
  exportName: string;
  testId: string;
  height?: number;
  /** The top of the Y axis in MiB, to share one scale between charts that are compared. */
  yMax?: number;
}

/** Each process's memory (USS, or RSS where there is none) over the run, one line per process. */
export function MemoryTimelineChart({
  samples,
  subtitle,
  settings,
  exportName,
  testId,
  height = 240,
  yMax,
}: Props): ReactNode {
  const { t } = useI18n();
  const { rows, series, figure } = timelineRows(samples);
  const title = t('memory.timelineTitle', { figure: figure.toUpperCase() });
  return (
    <ChartPanel
      title={subtitle ? `${title}: ${subtitle}` : title}
      settings={settings}
      note={t('memory.timelineNote')}
      exportName={exportName}
      testId={testId}
    >
      <ResponsiveContainer width="100%" height={height}>
        <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 16, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis
            dataKey="t"
            type="number"
            domain={['dataMin', 'dataMax']}
            tick={{ fontSize: 13 }}
            label={bottomLabel(t('memory.axisMs'), 13)}
          />
          <YAxis
            {...mibAxis(t('memory.axisMiB'), 13)}
            domain={yMax === undefined ? [0, 'auto'] : [0, Math.ceil(yMax / 10) * 10]}
          />
          <Tooltip formatter={mibTooltip} labelFormatter={(value) => `${String(value)} ms`} />
          <Legend {...legendProps(13)} />
          {series.map((s) => (
            <Line
              key={s.key}
              dataKey={s.key}
              name={`${s.role === 'main' ? t('memory.parent') : t('memory.worker', { n: (s.slot ?? 0) + 1 })} (${s.pid})`}
              stroke={
                s.role === 'main'
                  ? CHART_COLORS.main
                  : CHART_COLORS.workers[(s.slot ?? 0) % CHART_COLORS.workers.length]
              }
              strokeWidth={s.role === 'main' ? 3 : 2}
              dot={false}
              connectNulls
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </ChartPanel>
  );
}
