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
import type { Strategy } from '../../../shared/strategies';
import { useI18n } from '../i18n';
import { BAR_PARTS, barKey, barRows } from '../memory/chart-data';
import { ChartPanel } from './ChartPanel';
import { placeName } from './MemoryTable';
import {
  STRATEGY_STYLE,
  compareSettings,
  legendProps,
  mibAxis,
  mibTooltip,
  TICK_INK,
} from './chart-style';

/** A bar's fill: the full copy solid, the partial read hatched, shared memory dotted, so that they differ in greyscale too. */
function FillPattern({ id, strategy, color }: { id: string; strategy: Strategy; color: string }) {
  const fill = STRATEGY_STYLE[strategy].fill;
  if (fill === 'solid') return null;
  return (
    <pattern
      id={id}
      width="8"
      height="8"
      patternUnits="userSpaceOnUse"
      patternTransform={fill === 'hatch' ? 'rotate(45)' : undefined}
    >
      <rect width="8" height="8" fill={color} />
      {fill === 'hatch' ? (
        <line x1="0" y1="0" x2="0" y2="8" stroke="#ffffff" strokeWidth="3" />
      ) : (
        <circle cx="4" cy="4" r="1.8" fill="#ffffff" />
      )}
    </pattern>
  );
}

/** Per process, a bar for each strategy that has it, stacked by what the memory is. */
export function MemoryBarsChart({ report }: { report: CompareReport }): ReactNode {
  const { t, format, count } = useI18n();
  const figure = report.figure.toUpperCase();
  const rows = barRows(report).map((row) => ({ ...row, name: placeName(row, t, count, true) }));
  const bars = report.params.strategies.flatMap((strategy) =>
    BAR_PARTS.map((part) => {
      const key = barKey(strategy, part);
      const color = STRATEGY_STYLE[strategy][part];
      const solid = STRATEGY_STYLE[strategy].fill === 'solid';
      return {
        key,
        strategy,
        color,
        fill: solid ? color : `url(#fill-${key})`,
        name: `${t(`memory.strategies.${strategy}`)}: ${t(`memory.series.${part}`)}`,
      };
    }),
  );
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
            {bars.map((bar) => (
              <FillPattern
                key={bar.key}
                id={`fill-${bar.key}`}
                strategy={bar.strategy}
                color={bar.color}
              />
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
              stackId={bar.strategy}
              name={bar.name}
              fill={bar.fill}
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
