/**
 * The whole window: the lesson list on the left, the chosen lesson on the
 * right. It loads the lessons and the host's facts through `window.lab`, runs
 * a lesson, and folds the run's events into what the lesson shows.
 */
import { useCallback, useEffect, useReducer, useRef, useState, type ReactNode } from 'react';
import type { HostInfo, LabError, LessonInfo, RunEvent } from '../../shared/api';
import { VIEW_ORDER, type LessonId } from '../../shared/lessons';
import type { RunParams } from '../../shared/params';
import type { Settings } from '../../shared/settings';
import { AppHeader } from './components/AppHeader';
import { CompareView } from './components/CompareView';
import { LessonList, type ViewId } from './components/LessonList';
import { LessonView } from './components/LessonView';
import { defaultForm, type FormValues } from './components/RunControls';
import { askedLanguage, useI18n, type Language } from './i18n';
import { KeysDialog } from './components/KeysDialog';
import {
  toggleFullscreen,
  useMenu,
  useRoomKeys,
  useRoomSettings,
  type KeyActions,
} from './presenter';
import { IDLE_RUN, reduceRun, stepped, type RunView } from './state/run-state';
import { lab } from './lab-client';
import type { Prediction } from './questions';

/**
 * Each lesson's last run, and the lesson whose run is going on. Events apply
 * only to a run this window started for a lesson: the comparison's runs (and
 * anything else) never land in a lesson.
 */
interface Runs {
  active: LessonId | null;
  /** Whether the active run is this window's stepwise one. */
  stepwise: boolean;
  views: Partial<Record<LessonId, RunView>>;
}

type Action =
  | { type: 'start'; experiment: LessonId; stepwise: boolean }
  | { type: 'abandon' }
  | { type: 'stepped' }
  | { type: 'event'; event: RunEvent };

function reduceRuns(runs: Runs, action: Action): Runs {
  if (action.type === 'start')
    return {
      active: action.experiment,
      stepwise: action.stepwise,
      views: { ...runs.views, [action.experiment]: IDLE_RUN },
    };
  if (action.type === 'abandon') return { ...runs, active: null, stepwise: false };
  if (action.type === 'stepped') {
    const view = runs.active && runs.views[runs.active];
    return view && runs.active
      ? { ...runs, views: { ...runs.views, [runs.active]: stepped(view) } }
      : runs;
  }
  const active = runs.active;
  if (!active) return runs;
  const view = reduceRun(runs.views[active] ?? IDLE_RUN, action.event);
  const finished = action.event.type === 'run-finished';
  return {
    active: finished ? null : active,
    stepwise: finished ? false : runs.stepwise,
    views: { ...runs.views, [active]: view },
  };
}

function viewFromHash(lessons: LessonInfo[]): ViewId | null {
  const id = window.location.hash.replace(/^#/, '');
  if (id === 'compare') return 'compare';
  return lessons.find((lesson) => lesson.id === id)?.id ?? null;
}

export function App(): ReactNode {
  const { t, setLanguage } = useI18n();
  const [lessons, setLessons] = useState<LessonInfo[] | null>(null);
  const [host, setHost] = useState<HostInfo | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [selected, setSelected] = useState<ViewId>('read-global');
  const [comparing, setComparing] = useState(false);
  const [runs, dispatch] = useReducer(reduceRuns, { active: null, stepwise: false, views: {} });
  const [forms, setForms] = useState<Partial<Record<LessonId, FormValues>>>({});
  const [runError, setRunError] = useState<LabError | null>(null);
  // What each lesson's question was answered with, for the reveal after its run.
  const [predictions, setPredictions] = useState<Partial<Record<LessonId, Prediction>>>({});
  const runWhenAnswered = useRef(false);

  const [saved, setSaved] = useState<Settings | null>(null);
  useEffect(() => {
    let live = true;
    Promise.all([
      lab.invoke('lessons', null),
      lab.invoke('host-info', null),
      lab.invoke('settings', null),
    ]).then(
      ([loadedLessons, info, settings]) => {
        if (!live) return;
        setLessons(loadedLessons);
        setHost(info);
        setSaved(settings);
        if (settings.language && !askedLanguage()) setLanguage(settings.language);
        setSelected((current) => viewFromHash(loadedLessons) ?? current);
      },
      (error: Error) => live && setLoadError(error.message),
    );
    return () => {
      live = false;
    };
  }, [setLanguage]);
  // A choice is remembered by the lab; failing to remember it never stops the lesson.
  const save = useCallback((change: Settings) => {
    lab.invoke('save-settings', change).catch(() => undefined);
  }, []);
  const chooseLanguage = useCallback(
    (language: Language) => {
      setLanguage(language);
      save({ language });
    },
    [setLanguage, save],
  );

  // A watching screen follows every run: each one shows in its lesson, as it happens.
  const watching = host?.readOnly === true;
  useEffect(
    () =>
      lab.on('run-event', (event) => {
        if (watching && event.type === 'run-started') {
          dispatch({ type: 'start', experiment: event.params.experiment, stepwise: false });
          setSelected(event.params.experiment);
        }
        dispatch({ type: 'event', event });
      }),
    [watching],
  );

  // Back, forward and typed #links choose the lesson too.
  useEffect(() => {
    if (!lessons) return undefined;
    const onHash = (): void => {
      const view = viewFromHash(lessons);
      if (view) setSelected(view);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [lessons]);

  const select = useCallback((id: ViewId) => {
    setSelected(id);
    setRunError(null);
    window.history.replaceState(
      null,
      '',
      `${window.location.pathname}${window.location.search}#${id}`,
    );
  }, []);

  const run = useCallback(
    (params: Partial<RunParams> & { experiment: LessonId }, stepwise: boolean) => {
      setRunError(null);
      dispatch({ type: 'start', experiment: params.experiment, stepwise });
      lab.invoke(stepwise ? 'run-stepwise' : 'run', params).catch((error: LabError) => {
        dispatch({ type: 'abandon' });
        setRunError(error);
      });
    },
    [],
  );
  const activeView = runs.active ? runs.views[runs.active] : undefined;
  const holding = runs.stepwise && activeView?.holding === true;
  const nextStep = useCallback(() => {
    dispatch({ type: 'stepped' });
    lab.invoke('step', null).catch(() => undefined);
  }, []);

  const cancel = useCallback(() => {
    void lab.invoke('cancel', null);
  }, []);

  const room = useRoomSettings(saved, save);
  const [keysOpen, setKeysOpen] = useState(false);
  const running = runs.active !== null || comparing;
  const order: ViewId[] = lessons ? [...VIEW_ORDER] : [];
  const step = (by: 1 | -1): void => {
    if (running || !order.length) return;
    const at = order.indexOf(selected);
    select(order[(at + by + order.length) % order.length] as ViewId);
  };
  const actions: KeyActions = {
    previous: () => step(-1),
    next: () => step(1),
    // The form runs with what is typed in it, exactly as its Run button does.
    run: () => document.querySelector<HTMLFormElement>('form.run-controls')?.requestSubmit(),
    cancel: () => running && cancel(),
    nextStep: () => holding && nextStep(),
    togglePresent: () => room.setPresent(!room.present),
    toggleFullscreen,
    showKeys: () => setKeysOpen(true),
    fontSize: room.stepScale,
  };
  useRoomKeys(actions, keysOpen);
  // Presenter mode's Enter records the answer, then runs once the form no longer waits for one.
  useEffect(() => {
    if (!runWhenAnswered.current) return;
    runWhenAnswered.current = false;
    actions.run();
  });
  useMenu(actions, (id) => {
    if (!running && order.includes(id as ViewId)) select(id as ViewId);
  });

  if (loadError)
    return (
      <main className="app-message app-message--error">
        {t('app.connectionFailed', { message: loadError })}
      </main>
    );
  if (!lessons || !host) return <main className="app-message">{t('app.connecting')}</main>;
  const lesson =
    selected === 'compare' ? null : (lessons.find((l) => l.id === selected) ?? lessons[0]);

  return (
    <div
      className={`app${room.narrow ? ' app--narrow' : ''}${room.present ? ' app--present' : ''}`}
    >
      <AppHeader
        host={host}
        room={{
          ...actions,
          present: room.present,
          questions: room.questions,
          toggleQuestions: () => room.setQuestions(!room.questions),
        }}
        onLanguage={chooseLanguage}
      />
      {keysOpen && <KeysDialog onClose={() => setKeysOpen(false)} />}
      <LessonList
        lessons={lessons}
        selected={lesson ? lesson.id : 'compare'}
        onSelect={select}
        disabled={running}
      />
      {lesson ? (
        <LessonView
          key={lesson.id}
          lesson={lesson}
          host={host}
          run={runs.views[lesson.id] ?? IDLE_RUN}
          form={forms[lesson.id] ?? defaultForm(host)}
          onFormChange={(values) => setForms((all) => ({ ...all, [lesson.id]: values }))}
          busy={running}
          runError={runError}
          onRun={run}
          onCancel={cancel}
          stepping={runs.stepwise && runs.active === lesson.id ? { holding, next: nextStep } : null}
          ask={{
            on: room.questions,
            present: room.present,
            prediction: predictions[lesson.id] ?? null,
            onPredict: (prediction) =>
              setPredictions((all) => ({ ...all, [lesson.id]: prediction ?? undefined })),
            onPredictAndRun: (prediction) => {
              setPredictions((all) => ({ ...all, [lesson.id]: prediction }));
              runWhenAnswered.current = true;
            },
          }}
        />
      ) : (
        <CompareView host={host} onBusyChange={setComparing} />
      )}
    </div>
  );
}
