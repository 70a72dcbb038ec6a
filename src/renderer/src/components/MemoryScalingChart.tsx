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
import { IDEAL_COPIES, type Strategy } from '../../../shared/strategies';
import { useI18n } from '../i18n';
import { scalingKey, scalingRows } from '../memory/chart-data';
import { ChartPanel } from './ChartPanel';
import {
  STRATEGY_STYLE,
  bottomLabel,
  compareSettings,
  legendProps,
  mibAxis,
  mibTooltip,
  tickProps,
} from './chart-style';

interface DotProps {
  cx?: number;
  cy?: number;
}

/** A measured point, shaped by strategy (filled, hollow or square), so the lines differ without colour. */
function marker(strategy: Strategy) {
  const { dataset, marker: shape } = STRATEGY_STYLE[strategy];
  return function Marker({ cx, cy }: DotProps): ReactNode {
    if (cx === undefined || cy === undefined) return null;
    if (shape === 'square')
      return <rect x={cx - 5} y={cy - 5} width={10} height={10} fill={dataset} stroke={dataset} />;
    return (
      <circle
        cx={cx}
        cy={cy}
        r={5}
        strokeWidth={2}
        stroke={dataset}
        fill={shape === 'hollow' ? '#ffffff' : dataset}
      />
    );
  };
}

/** Memory of the dataset in all processes against the number of workers: measured, and the ideal lines. */
export function MemoryScalingChart({ report }: { report: CompareReport }): ReactNode {
  const { t, format, count } = useI18n();
  const rows = scalingRows(report);
  const lines = report.params.strategies.flatMap((strategy) => {
    const name = t(`memory.strategies.${strategy}`);
    return [
      {
        key: scalingKey(strategy, 'measured'),
        strategy,
        ideal: false,
        name: `${name}, ${t('memory.series.measured')}`,
      },
      {
        key: scalingKey(strategy, 'ideal'),
        strategy,
        ideal: true,
        name: `${name}, ${t('memory.series.ideal')} ${IDEAL_COPIES[strategy].formula}`,
      },
    ];
  });
  const ideals = report.params.strategies
    .map((strategy) =>
      t('memory.idealFor', {
        formula: IDEAL_COPIES[strategy].formula,
        strategy: t(`memory.strategies.${strategy}`).toLowerCase(),
      }),
    )
    .join(', ');
  return (
    <ChartPanel
      title={t('memory.scalingTitle')}
      settings={compareSettings(report, t, count)}
      note={t('memory.scalingNote', { ideals })}
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
          <Legend {...legendProps(lines.map((line) => line.key))} />
          {lines.map((line) => (
            <Line
              key={line.key}
              dataKey={line.key}
              name={line.name}
              stroke={STRATEGY_STYLE[line.strategy].dataset}
              strokeWidth={line.ideal ? 2 : 3}
              strokeDasharray={line.ideal ? '8 5' : undefined}
              dot={line.ideal ? false : marker(line.strategy)}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </ChartPanel>
  );
}
