import type { ReactNode } from 'react';
import { useI18n } from '../i18n';

/** One line per memory figure saying what it means, and which one the charts show (or that USS is missing here). */
export function MemoryFigureNote({ figure }: { figure: 'uss' | 'rss' }): ReactNode {
  const { t } = useI18n();
  return (
    <div className="figure-note" data-testid="figure-note">
      <p>
        <strong>{t('memory.shows', { figure: figure.toUpperCase() })}</strong>{' '}
        {figure === 'rss' ? t('memory.noUss') : null}
      </p>
      <ul>
        <li>{t('memory.uss')}</li>
        <li>{t('memory.rss')}</li>
        <li>{t('memory.pss')}</li>
      </ul>
    </div>
  );
}
