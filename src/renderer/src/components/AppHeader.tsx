import type { ReactNode } from 'react';
import type { HostInfo } from '../../../shared/api';
import { LANGUAGES, useI18n, type Language } from '../i18n';

/** What the header's room controls act on. */
export interface RoomControls {
  present: boolean;
  togglePresent: () => void;
  /** Predict, then run: whether lessons ask their question first. */
  questions: boolean;
  toggleQuestions: () => void;
  fontSize: (direction: 1 | -1) => void;
  showKeys: () => void;
}

/** Title, the idea in one line, the parent's pid, the room's controls and the language switch. */
export function AppHeader({
  host,
  room,
  onLanguage,
}: {
  host: HostInfo;
  room: RoomControls;
  /** A language chosen in the header: applied and remembered. */
  onLanguage: (language: Language) => void;
}): ReactNode {
  const { t, language } = useI18n();
  return (
    <header className={host.readOnly ? 'app-header app-header--watching' : 'app-header'}>
      <div className="app-header__title">
        <h1>{t('app.title')}</h1>
        <p className="app-header__tagline">{t('app.tagline')}</p>
      </div>
      <p className="app-header__host" data-testid="host-line">
        {t('app.hostLine', { pid: host.pid, backend: host.backend })}
      </p>
      {host.readOnly && (
        <p className="app-header__watching" role="status" data-testid="watching">
          {t('app.watching')}
        </p>
      )}
      <div className="app-header__room">
        <button
          type="button"
          className="button--header"
          aria-pressed={room.present}
          onClick={room.togglePresent}
          data-testid="present-button"
          title="P"
        >
          {t('keys.presenter')}
        </button>
        {!host.readOnly && (
          <button
            type="button"
            className="button--header"
            aria-pressed={room.questions}
            onClick={room.toggleQuestions}
            data-testid="questions-button"
            title={t('questions.toggleTitle')}
          >
            {t('questions.toggle')}
          </button>
        )}
        <button
          type="button"
          className="button--header"
          onClick={() => room.fontSize(-1)}
          data-testid="font-smaller"
        >
          A−<span className="visually-hidden"> ({t('keys.smaller')})</span>
        </button>
        <button
          type="button"
          className="button--header"
          onClick={() => room.fontSize(1)}
          data-testid="font-larger"
        >
          A+<span className="visually-hidden"> ({t('keys.larger')})</span>
        </button>
        <button
          type="button"
          className="button--header"
          onClick={room.showKeys}
          data-testid="keys-button"
          title="?"
        >
          {t('keys.button')}
        </button>
      </div>
      <label className="app-header__language">
        <span className="visually-hidden">{t('app.language')}</span>
        <select
          value={language}
          onChange={(event) => onLanguage(event.target.value as Language)}
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
