import type { ReactNode } from 'react';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceDot,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
  type LabelProps,
} from 'recharts';
import type { MemorySample } from '../../../shared/memory';
import type { PhaseMark } from '../../../shared/report';
import { useI18n } from '../i18n';
import { timelineRows } from '../memory/chart-data';
import { ChartPanel } from './ChartPanel';
import {
  CHART_COLORS,
  TICK_INK,
  WORKER_DASHES,
  bottomLabel,
  legendProps,
  mibAxis,
  mibTooltip,
  tickProps,
} from './chart-style';

interface Props {
  samples: readonly MemorySample[];
  /** When each phase began, marked on the time axis (none while a run goes on). */
  phases?: readonly PhaseMark[];
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

/**
 * The series named at the end of their line: the parent, and each worker
 * whose last value is clear of every line named before it (8% of the
 * chart's height), so that no two names sit on each other.
 */
function endLabels(
  series: ReturnType<typeof timelineRows>['series'],
  rows: ReturnType<typeof timelineRows>['rows'],
): Set<string> {
  const last = rows.at(-1) ?? {};
  const max = Math.max(
    1,
    ...rows.flatMap((row) =>
      Object.entries(row)
        .filter(([k]) => k !== 't')
        .map(([, v]) => v ?? 0),
    ),
  );
  const placed: number[] = [];
  const named = new Set<string>();
  for (const s of series) {
    const value = last[s.key];
    if (value === null || value === undefined) continue;
    if (placed.every((other) => Math.abs(other - value) >= 0.08 * max)) {
      named.add(s.key);
      placed.push(value);
    }
  }
  return named;
}

/**
 * The transient peaks worth a label: the parent's, and the highest worker's,
 * each when it stands well above (15% of the chart) where that process ends.
 */
function transientPeaks(
  series: ReturnType<typeof timelineRows>['series'],
  rows: ReturnType<typeof timelineRows>['rows'],
): Array<{ key: string; t: number; value: number; role: 'main' | 'worker' }> {
  const max = Math.max(
    1,
    ...rows.flatMap((row) =>
      Object.entries(row)
        .filter(([k]) => k !== 't')
        .map(([, v]) => v ?? 0),
    ),
  );
  const peaks = series.map((s) => {
    let best = { t: 0, value: -Infinity };
    for (const row of rows) {
      const value = row[s.key];
      if (value !== null && value !== undefined && value > best.value)
        best = { t: row.t ?? 0, value };
    }
    const end = rows.at(-1)?.[s.key] ?? best.value;
    return { key: s.key, role: s.role, ...best, rise: best.value - (end ?? best.value) };
  });
  const tall = peaks.filter((p) => p.rise > 0.15 * max);
  const parent = tall.find((p) => p.role === 'main');
  const worker = tall.filter((p) => p.role === 'worker').sort((a, b) => b.value - a.value)[0];
  return [parent, worker].filter((p) => p !== undefined);
}

/**
 * Each process's memory (USS, or RSS where there is none) over the run, one
 * line per process (the parent solid black, each worker its own colour and
 * dash, named at its end), with the run's phases marked on the time axis.
 */
export function MemoryTimelineChart({
  samples,
  phases = [],
  subtitle,
  settings,
  exportName,
  testId,
  height = 300,
  yMax,
}: Props): ReactNode {
  const { t, format } = useI18n();
  const { rows, series, figure } = timelineRows(samples);
  const title = t('memory.timelineTitle', { figure: figure.toUpperCase() });
  const name = (s: (typeof series)[number]): string =>
    s.role === 'main' ? t('memory.parent') : t('memory.worker', { n: (s.slot ?? 0) + 1 });
  const lastT = rows.at(-1)?.t ?? 0;
  const labelled = endLabels(series, rows);
  const peaks = transientPeaks(series, rows);
  return (
    <ChartPanel
      title={subtitle ? `${title}: ${subtitle}` : title}
      settings={settings}
      note={`${t('memory.timelineNote')} ${t('memory.peaksNote')}`}
      exportName={exportName}
      testId={testId}
    >
      <ResponsiveContainer width="100%" height={height}>
        <LineChart data={rows} margin={{ top: 24, right: 96, bottom: 20, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis
            dataKey="t"
            type="number"
            domain={['dataMin', 'dataMax']}
            {...tickProps(format)}
            label={bottomLabel(t('memory.axisMs'))}
          />
          <YAxis
            {...mibAxis(t('memory.axisMiB'), format)}
            domain={yMax === undefined ? [0, 'auto'] : [0, Math.ceil(yMax / 10) * 10]}
          />
          <Tooltip formatter={mibTooltip} labelFormatter={(value) => `${String(value)} ms`} />
          <Legend {...legendProps(series.map((s) => s.key))} />
          {phases.map((mark, i) => (
            <ReferenceLine
              key={`${mark.phase}-${mark.t}`}
              x={mark.t}
              stroke={TICK_INK}
              strokeDasharray="2 4"
              label={{
                value: String(i + 1),
                position: 'insideTopLeft',
                fontSize: 15,
                fontWeight: 700,
                fill: TICK_INK,
              }}
            />
          ))}
          {peaks.map((peak) => (
            <ReferenceDot
              key={`peak-${peak.key}`}
              x={peak.t}
              y={peak.value}
              r={6}
              fill="#ffffff"
              stroke={TICK_INK}
              strokeWidth={2}
              label={{
                value: t('memory.peak', { value: format.fixed(peak.value, 0) }),
                position: 'top',
                fontSize: 14,
                fill: TICK_INK,
              }}
            />
          ))}
          {series.map((s) => {
            const slot = s.slot ?? 0;
            return (
              <Line
                key={s.key}
                dataKey={s.key}
                name={`${name(s)} (${s.pid})`}
                stroke={
                  s.role === 'main'
                    ? CHART_COLORS.main
                    : CHART_COLORS.workers[slot % CHART_COLORS.workers.length]
                }
                strokeDasharray={
                  s.role === 'main' ? undefined : WORKER_DASHES[slot % WORKER_DASHES.length]
                }
                strokeWidth={s.role === 'main' ? 3.5 : 2.5}
                legendType="plainline"
                dot={false}
                connectNulls
                isAnimationActive={false}
                // Named at its end, so the line needs no colour to be found.
                label={(props: LabelProps) =>
                  props.index === rows.length - 1 && lastT > 0 && labelled.has(s.key) ? (
                    <text
                      key={`${s.key}-label`}
                      x={Number(props.x ?? 0) + 6}
                      y={Number(props.y ?? 0) + 4}
                      fontSize={14}
                      fill={TICK_INK}
                    >
                      {name(s)}
                    </text>
                  ) : (
                    <g key={`${s.key}-${props.index}`} />
                  )
                }
              />
            );
          })}
        </LineChart>
      </ResponsiveContainer>
      {phases.length > 0 && (
        <p className="chart-panel__phases" data-testid={`${testId}-phases`}>
          {phases.map((mark, i) => `${i + 1} ${t(`phasesShort.${mark.phase}`)}`).join(' · ')}
        </p>
      )}
    </ChartPanel>
  );
}
