import type { ReactNode } from 'react';
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

/** Run (submits the form), Cancel while running; on a watching screen, neither; before the question is answered, a note. */
export function RunActions({
  host,
  busy,
  askFirst = false,
  onCancel,
}: {
  host: HostInfo;
  busy: boolean;
  askFirst?: boolean;
  onCancel: () => void;
}): ReactNode {
  const { t } = useI18n();
  return (
    <div className="run-controls__actions">
      {host.readOnly ? (
        <p data-testid="watching-controls">{t('controls.watching')}</p>
      ) : busy ? (
        <button
          type="button"
          className="button button--cancel"
          onClick={onCancel}
          data-testid="cancel-button"
        >
          {t('controls.cancel')}
        </button>
      ) : askFirst ? (
        <p className="run-controls__ask" data-testid="ask-first">
          {t('questions.askFirst')}
        </p>
      ) : (
        <button type="submit" className="button button--run" data-testid="run-button">
          ▶ {t('controls.run')}
        </button>
      )}
    </div>
  );
}
