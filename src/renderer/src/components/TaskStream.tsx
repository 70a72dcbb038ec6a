/**
 * Which worker ran which task, and when: the run's task stream (see
 * task-stream.ts), drawn from the report. Each bar says its task, batch and
 * times in its tooltip; lanes are named, so nothing rests on colour alone.
 */
import type { ReactNode } from 'react';
import type { RunReport } from '../../../shared/report';
import { useI18n } from '../i18n';
import { streamLayout, STREAM } from '../task-stream';
import { CHART_COLORS, TICK_INK } from './chart-style';

export function TaskStream({ report }: { report: RunReport }): ReactNode {
  const { t, format, count } = useI18n();
  const { spans, total } = report.taskStream;
  if (spans.length === 0) return null;
  const workers = [...report.workers].sort((a, b) => a.slot - b.slot);
  const layout = streamLayout(
    spans,
    workers.map((w) => w.slot),
  );
  const ms = (value: number): string => format.fixed(value, value < 10 ? 2 : value < 100 ? 1 : 0);
  const summary = t('stream.summary', {
    tasks: count('tasks', total),
    workers: count('workers', workers.length),
    ms: ms(layout.endMs),
  });
  return (
    <section className="panel task-stream" data-testid="task-stream" aria-labelledby="stream-title">
      <h2 id="stream-title">{t('stream.title')}</h2>
      <p className="muted">{t('stream.note')}</p>
      <svg
        viewBox={`0 0 ${STREAM.width} ${layout.height}`}
        role="img"
        aria-label={summary}
        className="task-stream__chart"
      >
        {layout.lanes.map((lane) => {
          const worker = workers.find((w) => w.slot === lane.slot);
          return (
            <text
              key={lane.slot}
              x={4}
              y={lane.y + STREAM.laneHeight / 2 + 6}
              fontSize={15}
              fill={TICK_INK}
            >
              {t('map.worker', { n: lane.slot + 1 })} · {worker?.pid}
            </text>
          );
        })}
        {layout.ticks.map((tick) => (
          <g key={tick.ms}>
            <line
              x1={tick.x}
              x2={tick.x}
              y1={STREAM.top}
              y2={layout.height - STREAM.axis + 4}
              stroke="#c9d0db"
            />
            <text
              x={tick.x}
              y={layout.height - STREAM.axis + 20}
              fontSize={14}
              textAnchor="middle"
              fill={TICK_INK}
            >
              {ms(tick.ms)}
            </text>
          </g>
        ))}
        {layout.bars.map((bar) => (
          <rect
            key={bar.taskIndex}
            x={bar.x}
            y={bar.y}
            width={bar.width}
            height={bar.height}
            fill={CHART_COLORS.workers[bar.slot % CHART_COLORS.workers.length]}
            fillOpacity={bar.shade === 0 ? 0.95 : 0.5}
            stroke="#ffffff"
            strokeWidth={1}
            data-task={bar.taskIndex}
            data-batch={bar.batchId}
          >
            <title>
              {t('stream.bar', {
                task: bar.taskIndex,
                batch: bar.batchId + 1,
                start: ms(bar.start),
                end: ms(bar.end),
              })}
            </title>
          </rect>
        ))}
      </svg>
      <p className="task-stream__caption">
        {summary}
        {total > spans.length &&
          ` ${t('stream.first', { shown: format.count(spans.length), total: format.count(total) })}`}
      </p>
    </section>
  );
}
