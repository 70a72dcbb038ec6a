/**
 * shared-memory's threads, from the report: each thread's own global, its
 * chunk's sum from the one shared dataset, the marks it saw, its heap; then
 * the race on one shared counter, a plain += against Atomics.add.
 */
import type { ReactNode } from 'react';
import type { ThreadsOutcome } from '../../../shared/threads';
import { useI18n } from '../i18n';

export function ThreadsPanel({ threads }: { threads: ThreadsOutcome }): ReactNode {
  const { t, format } = useI18n();
  const { race } = threads;
  return (
    <section className="panel threads" data-testid="threads" aria-labelledby="threads-title">
      <h2 id="threads-title">{t('threads.title')}</h2>
      <table className="threads__table">
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">{t('threads.thread', { n: '' })}</span>
            </th>
            <th scope="col">{t('threads.value')}</th>
            <th scope="col">{t('threads.sum')}</th>
            <th scope="col">{t('threads.seen')}</th>
            <th scope="col">{t('threads.heap')}</th>
          </tr>
        </thead>
        <tbody>
          {threads.threads.map((thread) => (
            <tr key={thread.index} data-testid="thread-row">
              <th scope="row">{t('threads.thread', { n: thread.index + 1 })}</th>
              <td>
                <code>{thread.value}</code>
              </td>
              <td>{format.count(thread.sum)}</td>
              <td>
                {format.count(thread.seenWrites)} / {format.count(threads.threads.length)}
              </td>
              <td>{format.bytes(thread.heapGrowth)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p data-testid="threads-shared">
        {t('threads.shared', {
          bytes: format.bytes(threads.sharedBytes),
          threads: format.count(threads.threads.length),
          value: String(threads.mainThreadGlobal),
        })}
      </p>
      <p data-testid="threads-race">
        {t('threads.race', {
          expected: format.count(race.expected),
          plain: format.count(race.plain),
          lost: format.count(race.expected - race.plain),
          atomic: format.count(race.atomic),
        })}
      </p>
    </section>
  );
}
