import { useEffect, useRef, type ReactNode } from 'react';
import { useI18n } from '../i18n';

const KEYS = [
  ['← / PageUp', 'keys.previous'],
  ['→ / PageDown', 'keys.next'],
  ['R / Enter', 'keys.run'],
  ['1–4 · S', 'keys.answer'],
  ['N', 'keys.nextStep'],
  ['Esc', 'keys.cancel'],
  ['P', 'keys.present'],
  ['F', 'keys.fullscreen'],
  ['+ / −', 'keys.fontSize'],
  ['?', 'keys.keys'],
] as const;

/** The list of keys, as a modal dialog (Esc or the button closes it). */
export function KeysDialog({ onClose }: { onClose: () => void }): ReactNode {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);
  return (
    <dialog
      ref={dialog}
      className="keys-dialog"
      aria-labelledby="keys-title"
      data-testid="keys-dialog"
      onClose={onClose}
    >
      <h2 id="keys-title">{t('keys.title')}</h2>
      <table>
        <tbody>
          {KEYS.map(([key, what]) => (
            <tr key={key}>
              <th scope="row">
                <kbd>{key}</kbd>
              </th>
              <td>{t(what)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <form method="dialog">
        <button type="submit" className="button button--small">
          {t('keys.close')}
        </button>
      </form>
    </dialog>
  );
}
