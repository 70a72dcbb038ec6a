import type { ReactNode } from 'react';
import { useI18n } from '../i18n';

/** joblib's progress lines, as the notebook shows them under the cell. */
export function VerboseLog({ lines }: { lines: string[] }): ReactNode {
  const { t } = useI18n();
  return (
    <section className="panel verbose-log" aria-label={t('log.title')}>
      <h2>{t('log.title')}</h2>
      <pre data-testid="verbose-log">{lines.length ? lines.join('\n') : t('log.empty')}</pre>
    </section>
  );
}
