/**
 * A stepwise run as a story: each point the run held at, in the lesson's
 * words, the newest one (where the run waits now) last and marked. Every
 * value comes from the point's event, that is, from the run itself.
 */
import type { ReactNode } from 'react';
import type { GlobalSummary } from '../../../shared/memory';
import type { StepPoint } from '../../../shared/step-points';
import { useI18n } from '../i18n';
import type { RunView } from '../state/run-state';
import { globalValue } from './GlobalList';

/** The UI language's words and number formats, as useI18n gives them. */
type I18n = ReturnType<typeof useI18n>;

/** Globals as one line: `MY_GLOBAL_VAR = 1.4`, the dataset by its shape and size. */
function globalsLine(globals: GlobalSummary[], { t, format }: I18n): string {
  return globals.map((g) => `${g.name} = ${globalValue(g, t, format)}`).join(', ');
}

/** What one point says. */
function stepText(point: StepPoint, i18n: I18n): string {
  const { t, format } = i18n;
  switch (point.kind) {
    case 'globals':
      return t('steps.globals', { globals: globalsLine(point.globals, i18n) });
    case 'serialised':
      return t(point.globals.length ? 'steps.serialised' : 'steps.serialisedNone', {
        task: point.taskName,
        code: format.bytes(point.codeBytes),
        copies: point.globals.map((g) => `${g.name} (${format.bytes(g.bytes)})`).join(', '),
        bytes: format.bytes(point.bytes),
      });
    case 'installed':
      return t(point.received.length ? 'steps.installed' : 'steps.installedNone', {
        n: point.slot + 1,
        pid: point.pid,
        received: globalsLine(point.received, i18n),
      });
    case 'running':
      return t('steps.running', {
        n: point.slot + 1,
        pid: point.pid,
        task: point.taskIndex,
        call: point.call,
      });
    case 'returned':
      return t('steps.returned', {
        n: point.slot + 1,
        results: point.results.map((r) => `${r.taskIndex} → ${r.display}`).join(', '),
      });
    case 'printed':
      return t('steps.printed', { printed: point.printed });
  }
}

export function StepPanel({ run }: { run: RunView }): ReactNode {
  const i18n = useI18n();
  const { t } = i18n;
  const last = run.steps.at(-1);
  if (!last) return null;
  return (
    <section className="panel step-panel" data-testid="step-panel" aria-labelledby="step-title">
      <h2 id="step-title">{t('steps.title')}</h2>
      <ol className="step-panel__list">
        {run.steps.map(({ step, point }) => (
          <li
            key={step}
            value={step}
            data-testid="step"
            data-kind={point.kind}
            aria-current={step === last.step && run.holding ? 'step' : undefined}
          >
            {stepText(point, i18n)}
          </li>
        ))}
      </ol>
      <p className="step-panel__hint" role="status">
        {run.holding ? t('steps.holding') : run.status === 'running' ? t('steps.going') : ''}
      </p>
    </section>
  );
}
