import type { ReactNode } from 'react';
import type { HostInfo } from '../../../shared/api';
import { LANGUAGES, useI18n, type Language } from '../i18n';

/** Title, the idea in one line, the parent's pid, and the language switch. */
export function AppHeader({ host }: { host: HostInfo }): ReactNode {
  const { t, language, setLanguage } = useI18n();
  return (
    <header className="app-header">
      <div className="app-header__title">
        <h1>{t('app.title')}</h1>
        <p className="app-header__tagline">{t('app.tagline')}</p>
      </div>
      <p className="app-header__host" data-testid="host-line">
        {t('app.hostLine', { pid: host.pid, backend: host.backend })}
      </p>
      <label className="app-header__language">
        <span className="visually-hidden">{t('app.language')}</span>
        <select
          value={language}
          onChange={(event) => setLanguage(event.target.value as Language)}
          aria-label={t('app.language')}
        >
          {Object.keys(LANGUAGES).map((code) => (
            <option key={code} value={code}>
              {code.toUpperCase()}
            </option>
          ))}
        </select>
      </label>
    </header>
  );
}
