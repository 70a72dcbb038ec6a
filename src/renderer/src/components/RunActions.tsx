import { useEffect, useRef, type ReactNode } from 'react';
import type { HostInfo } from '../../../shared/api';
import { useI18n } from '../i18n';
import { NumberField } from './NumberField';

/** The workers field of every run form, with the host's limits. */
export function WorkersField({
  host,
  value,
  onChange,
}: {
  host: HostInfo;
  value: string;
  onChange: (value: string) => void;
}): ReactNode {
  const { t } = useI18n();
  return (
    <NumberField
      label={t('controls.workers')}
      value={value}
      onChange={onChange}
      min={host.limits.nJobs.min}
      max={host.limits.nJobs.max}
      testId="input-workers"
    />
  );
}

/** A stepwise run of this window: whether it holds at a point, and the Step that lets it go on. */
export interface Stepping {
  holding: boolean;
  next: () => void;
}

/**
 * Run (submits the form) and Step through; while running, Cancel, and Next
 * step for a stepwise run; on a watching screen, none; before the question
 * is answered, a note.
 */
export function RunActions({
  host,
  busy,
  askFirst = false,
  onCancel,
  onStepThrough,
  stepping = null,
}: {
  host: HostInfo;
  busy: boolean;
  askFirst?: boolean;
  onCancel: () => void;
  onStepThrough?: () => void;
  stepping?: Stepping | null;
}): ReactNode {
  const { t } = useI18n();
  const next = useRef<HTMLButtonElement>(null);
  // Where the class's next move is: the Step button, once the run holds.
  const holding = stepping?.holding === true;
  useEffect(() => {
    if (holding) next.current?.focus();
  }, [holding]);
  return (
    <div className="run-controls__actions">
      {host.readOnly ? (
        <p data-testid="watching-controls">{t('controls.watching')}</p>
      ) : busy ? (
        <>
          {stepping && (
            <button
              ref={next}
              type="button"
              className="button button--run"
              disabled={!stepping.holding}
              onClick={stepping.next}
              data-testid="next-step"
              title="N"
            >
              {t('steps.next')} ▶
            </button>
          )}
          <button
            type="button"
            className="button button--cancel"
            onClick={onCancel}
            data-testid="cancel-button"
          >
            {t('controls.cancel')}
          </button>
        </>
      ) : askFirst ? (
        <p className="run-controls__ask" data-testid="ask-first">
          {t('questions.askFirst')}
        </p>
      ) : (
        <>
          <button type="submit" className="button button--run" data-testid="run-button">
            ▶ {t('controls.run')}
          </button>
          {onStepThrough && (
            <button
              type="button"
              className="button button--step"
              onClick={onStepThrough}
              data-testid="step-button"
              title={t('steps.startTitle')}
            >
              {t('steps.start')}
            </button>
          )}
        </>
      )}
    </div>
  );
}
