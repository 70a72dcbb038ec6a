import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { LIMITS } from '../../../shared/params';
import type { HostInfo, LabError } from '../../../shared/api';
import { errorText } from '../error-text';
import type { CompareOutcome, CompareReport, StoppedCompare } from '../../../shared/report';
import { STRATEGIES, strategySchema, type Strategy } from '../../../shared/strategies';
import { useI18n } from '../i18n';
import { timelineMax } from '../memory/chart-data';
import { lab } from '../lab-client';
import { IDLE_RUN, reduceRun, type RunView } from '../state/run-state';
import { NumberField, numberOrText } from './NumberField';
import { RunActions, WorkersField } from './RunActions';
import { compareSettings } from './chart-style';
import { MemoryBarsChart } from './MemoryBarsChart';
import { MemoryFigureNote } from './MemoryFigureNote';
import { MemoryScalingChart } from './MemoryScalingChart';
import { MemoryTable } from './MemoryTable';
import { MemoryTimelineChart } from './MemoryTimelineChart';

/** A comparison that stopped: where, and why; none of its half-measured figures. */
function StoppedPanel({ stopped }: { stopped: StoppedCompare }): ReactNode {
  const { t, count } = useI18n();
  const { experiment, nJobs, sweep } = stopped.stoppedDuring;
  const values = {
    step: t(`memory.strategies.${experiment}`).toLowerCase(),
    workers: count('workers', nJobs),
    sweep: sweep ? t('compare.inSweep') : '',
    message: stopped.error.cause?.message ?? stopped.error.message,
  };
  return (
    <section
      className="panel error-panel"
      role="status"
      data-testid="compare-stopped"
      data-outcome={stopped.outcome}
    >
      <h2>{t(stopped.outcome === 'cancelled' ? 'error.cancelled' : 'error.other')}</h2>
      <p>{t(stopped.outcome === 'cancelled' ? 'compare.cancelled' : 'compare.failed', values)}</p>
    </section>
  );
}

interface Props {
  host: HostInfo;
  onBusyChange: (busy: boolean) => void;
}

/** The strategies to compare: a checkbox each, at least one. */
function StrategyChoice({
  chosen,
  onChange,
}: {
  chosen: readonly Strategy[];
  onChange: (chosen: Strategy[]) => void;
}): ReactNode {
  const { t } = useI18n();
  return (
    <fieldset className="strategy-choice" data-testid="input-strategies">
      <legend>{t('compare.strategiesLegend')}</legend>
      {STRATEGIES.map((strategy) => (
        <label key={strategy} className="checkbox">
          <input
            type="checkbox"
            checked={chosen.includes(strategy)}
            onChange={(e) =>
              onChange(
                STRATEGIES.filter((s) => (s === strategy ? e.target.checked : chosen.includes(s))),
              )
            }
            data-testid={`input-strategy-${strategy}`}
          />
          <span>{t(`memory.strategies.${strategy}`)}</span>
        </label>
      ))}
    </fieldset>
  );
}

/** The key figures of a complete comparison, first on screen after it, with the focus; and what each strategy teaches. */
function CompareSummary({ report }: { report: CompareReport }): ReactNode {
  const { t, format } = useI18n();
  const ref = useRef<HTMLElement>(null);
  useEffect(() => ref.current?.focus(), [report]);
  return (
    <section
      ref={ref}
      tabIndex={-1}
      className="panel headline"
      data-testid="compare-summary"
      aria-label={t('results.headline')}
    >
      {report.strategies.map((strategy) => (
        <p
          key={strategy.experiment}
          className="headline__line"
          data-testid={`summary-${strategy.experiment}`}
        >
          {t(strategy.threadHeapGrowth ? 'compare.summaryThreads' : 'compare.summary', {
            strategy: t(`memory.strategies.${strategy.experiment}`),
            times: strategy.duplication === null ? '—' : format.fixed(strategy.duplication, 2),
            bytes: format.mib(strategy.workersDatasetBytes),
            measured: format.mib(strategy.workersMeasuredBytes),
          })}
        </p>
      ))}
      <p>
        {report.strategies
          .map((strategy) => t(`compare.takeaways.${strategy.experiment}`))
          .join(' ')}
      </p>
    </section>
  );
}

/** The memory lesson: the chosen strategies at the same size, charted and tabled, with the live timeline while it runs. */
export function CompareView({ host, onBusyChange }: Props): ReactNode {
  const { t, format, count, language } = useI18n();
  const [workers, setWorkers] = useState('4');
  const [rows, setRows] = useState('1000000');
  const [sweep, setSweep] = useState(true);
  const [strategies, setStrategies] = useState<Strategy[]>([...STRATEGIES]);
  const [chooseOne, setChooseOne] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<LabError | null>(null);
  const [outcome, setOutcome] = useState<CompareOutcome | null>(null);
  // Only a comparison that ran every step shows figures.
  const report = outcome?.outcome === 'complete' ? outcome : null;
  // The step going on, folded by the same reducer as a lesson's run.
  const [live, setLive] = useState<RunView | null>(null);

  useEffect(() => {
    if (!busy) return undefined;
    return lab.on('run-event', (event) => setLive((view) => reduceRun(view ?? IDLE_RUN, event)));
  }, [busy]);
  // Only a comparison's own steps are named (safeParse: a stray event must not break the page).
  const liveStrategy = strategySchema.safeParse(live?.params?.experiment).data;
  const step =
    live?.params && liveStrategy
      ? t('compare.liveStep', {
          step: t(`memory.strategies.${liveStrategy}`),
          workers: count('workers', live.params.nJobs),
        })
      : '';

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    setError(null);
    setChooseOne(strategies.length === 0);
    if (strategies.length === 0) return;
    setBusy(true);
    onBusyChange(true);
    setLive(null);
    setOutcome(null);
    lab
      .invoke('compare', {
        nJobs: numberOrText(workers),
        rows: numberOrText(rows),
        sweep,
        strategies,
      })
      .then(setOutcome, (e: LabError) => setError(e))
      .finally(() => {
        setBusy(false);
        onBusyChange(false);
      });
  };

  const timelinesMax = report ? timelineMax(...report.strategies.map((s) => s.timeline)) : 0;

  return (
    <main
      className={outcome || busy ? 'lesson lesson--wide lesson--ran' : 'lesson lesson--wide'}
      data-testid="lesson-compare"
    >
      <div className="lesson__setup" tabIndex={0} aria-label={t('app.setupRegion')}>
        <header className="lesson__header">
          <h2 className="lesson__title">{t('compare.title')}</h2>
          <p className="lesson__intro">{t('compare.intro')}</p>
        </header>
        <form className="run-controls" onSubmit={submit} noValidate>
          <WorkersField host={host} value={workers} onChange={setWorkers} />
          <NumberField
            label={t('controls.rows')}
            value={rows}
            onChange={setRows}
            min={1}
            max={LIMITS.excelRows.max}
            testId="input-rows"
          />
          <label className="checkbox">
            <input
              type="checkbox"
              checked={sweep}
              onChange={(e) => setSweep(e.target.checked)}
              data-testid="input-sweep"
            />
            <span>{t('compare.sweep')}</span>
          </label>
          <StrategyChoice chosen={strategies} onChange={setStrategies} />
          <RunActions host={host} busy={busy} onCancel={() => void lab.invoke('cancel', null)} />
        </form>
        {chooseOne && (
          <p className="run-error" role="alert" data-testid="run-error">
            {t('compare.chooseOne')}
          </p>
        )}
        {error && (
          <p className="run-error" role="alert" data-testid="run-error">
            {t('controls.invalid', { message: errorText(error, { t, format, count, language }) })}
          </p>
        )}
        <MemoryFigureNote figure={report?.figure ?? (host.ussAvailable ? 'uss' : 'rss')} />
      </div>
      <div
        className="lesson__outcome"
        data-testid="outcome"
        tabIndex={0}
        aria-label={t('app.outcomeRegion')}
      >
        {busy && live && (
          <>
            <p className="phase__name" data-testid="phase">
              {step} · {live.phase ? t(`phases.${live.phase}`) : ''}
            </p>
            <MemoryTimelineChart
              samples={live.samples}
              subtitle={step}
              settings={step}
              exportName="memory-timeline-live"
              testId="chart-timeline-live"
            />
          </>
        )}
        {!busy && !outcome && <p className="process-map__empty">{t('memory.empty')}</p>}
        {!busy && outcome && outcome.outcome !== 'complete' && <StoppedPanel stopped={outcome} />}
        {!busy && report && (
          <>
            <CompareSummary report={report} />
            <MemoryBarsChart report={report} />
            <MemoryTable report={report} />
            {report.sweep && <MemoryScalingChart report={report} />}
            {report.strategies.map((strategy) => (
              <MemoryTimelineChart
                key={strategy.experiment}
                samples={strategy.timeline}
                phases={strategy.phases}
                subtitle={t(`memory.strategies.${strategy.experiment}`)}
                settings={compareSettings(report, t, count)}
                yMax={timelinesMax}
                exportName={`memory-timeline-${strategy.experiment}`}
                testId={`chart-timeline-${strategy.experiment}`}
                height={300}
              />
            ))}
          </>
        )}
      </div>
    </main>
  );
}
