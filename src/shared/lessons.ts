/**
 * The tutorial's lessons, as data. Everything a host or the UI needs to know
 * about a lesson lives here once: the Python cell it re-creates, the code that
 * runs in the worker, which parent globals travel with that code, and how the
 * task arguments are built. No Node or Electron APIs, so every layer can use it.
 *
 * The code calls them lessons. The run parameters, the events and the JSON
 * report name a lesson's id `experiment`, as the design's report and the
 * CLI's first versions did: scripts that read reports keep working.
 */
import { z } from 'zod/mini';
import { chunkBounds } from './chunks';
import { RACE_INCREMENTS } from './threads';

/** Lesson ids, in the order the tutorial teaches them. */
export const LESSON_IDS = [
  'read-global',
  'write-global',
  'change-global',
  'full-copy',
  'partial-read',
  'global-write',
  'worker-reuse',
  'shared-memory',
] as const;

export type LessonId = (typeof LESSON_IDS)[number];

/** What the lesson list shows, numbered in this order: the seed's lessons, the memory comparison that closes them, then the lessons beyond the seed. */
export const VIEW_ORDER: readonly (LessonId | 'compare')[] = [
  'read-global',
  'write-global',
  'change-global',
  'full-copy',
  'partial-read',
  'compare',
  'global-write',
  'worker-reuse',
  'shared-memory',
];

/** Names of the parent's globals that a task may refer to. */
export const GLOBAL_NAMES = ['MY_GLOBAL_VAR', 'my_global_df', 'CALLS'] as const;
export type GlobalName = (typeof GLOBAL_NAMES)[number];

/** The value of `MY_GLOBAL_VAR` in the parent, as in the notebook. */
export const MY_GLOBAL_VAR = 1.4;

/** The call counter of worker-reuse, as the parent (and a fresh module) starts it. */
export const CALLS = 0;

/**
 * Where a task's function is defined, which decides how cloudpickle sends it:
 * a notebook function by value, with its globals, for every task; a function
 * imported from a module by reference, so each worker uses its own module's
 * globals, which live as long as the worker.
 */
export const DEFINED_IN = ['notebook', 'module'] as const;
export type DefinedIn = (typeof DEFINED_IN)[number];

/** The file the parent writes and the partial-read workers open, relative to the lab's data folder. */
export const DATABASE_FILE = 'my_database.xlsx';

/** The dataset's only column, as the tutorial names it. */
export const DATASET_COLUMN = 'my_data';

/** What a lesson is, as data: everything but the code that builds its task arguments. */
export const lessonSchema = z.strictObject({
  id: z.enum(LESSON_IDS),
  /** The tutorial section this lesson follows. */
  section: z.enum(['globals', 'databases', 'beyond']),
  /** Name of the task function, as in the notebook. */
  taskName: z.string(),
  /**
   * The notebook cells this lesson re-creates (definition and the Parallel
   * call); `{rows}` stands for the run's rows, and the notebook's
   * `n_workers = …` line comes first (see the renderer's pythonCell).
   */
  pythonSource: z.string(),
  /**
   * The code the worker compiles and runs. It is plain JavaScript (valid
   * TypeScript too) because it travels as text, the way cloudpickle sends a
   * function defined in a notebook: the worker compiles it inside a scope where
   * each received global is a `const` binding.
   */
  taskSource: z.string(),
  /** The parent globals the task refers to, sent to each worker with the code. */
  globals: z.readonly(z.array(z.enum(GLOBAL_NAMES))),
  /**
   * Whether the function writes its globals (Python's `global` statement):
   * then it may be imported from a module too (see DEFINED_IN), and the
   * worker binds the globals as its own to change, not as constants.
   */
  writesGlobals: z.boolean(),
  /**
   * Whether the one task runs the lesson's tasks as threads of one worker
   * process (shared-memory): the pool then runs a single process, with a
   * thread per task.
   */
  inThreads: z.boolean(),
  /**
   * The commands, in bench/anchors, that measured what joblib itself does
   * for this lesson at scale; null where the lesson says nothing of it.
   */
  joblibAnchor: z.nullable(z.string()),
  /** Whether the lesson builds the dataset (`my_global_df`) in the parent. */
  usesDataset: z.boolean(),
  /** Whether the workers read `my_database.xlsx` (which the parent writes first). */
  usesExcel: z.boolean(),
  /** The parent's global the notebook prints after the run, if it prints one. */
  printsParent: z.nullable(z.enum(GLOBAL_NAMES)),
  /** What the notebook shows for this lesson at 2 workers and 100 rows. */
  notebookOutput: z.string(),
});

export type Lesson = z.infer<typeof lessonSchema> & {
  /** The argument list of each task, in task order. */
  taskArgs(params: { tasks: number; rows: number }): unknown[][];
};

const PARALLEL_CALL = `with Parallel(n_jobs=n_workers, batch_size=1, verbose=10, backend='loky') as parallel_pool:
    parallel_results = parallel_pool(tasks)
print(parallel_results)`;

/** The notebook's `global` adder and its tasks, as global-write and shared-memory both run them. */
const GLOBAL_ADD_CELL = `MY_GLOBAL_VAR = 1.4

def add_to_global_var(n):
    global MY_GLOBAL_VAR
    MY_GLOBAL_VAR += n
    return MY_GLOBAL_VAR

tasks = [delayed(add_to_global_var)(i) for i in range(n_workers)]
`;

const chunkArgs = ({ tasks, rows }: { tasks: number; rows: number }): unknown[][] =>
  chunkBounds(rows, tasks).map(({ start, end }) => [start, end]);

const indexArgs = ({ tasks }: { tasks: number }): unknown[][] =>
  Array.from({ length: tasks }, (_, i) => [i]);

export const LESSONS: Readonly<Record<LessonId, Lesson>> = {
  'read-global': {
    id: 'read-global',
    section: 'globals',
    taskName: 'return_global_var',
    pythonSource: `MY_GLOBAL_VAR = 1.4

def return_global_var():
    return MY_GLOBAL_VAR

tasks = [delayed(return_global_var)() for i in range(n_workers)]
${PARALLEL_CALL}`,
    taskSource: `function return_global_var() {
  return MY_GLOBAL_VAR;
}`,
    globals: ['MY_GLOBAL_VAR'],
    usesDataset: false,
    usesExcel: false,
    printsParent: null,
    writesGlobals: false,
    inThreads: false,
    joblibAnchor: null,
    notebookOutput: '[1.4, 1.4]',
    taskArgs: ({ tasks }) => Array.from({ length: tasks }, () => []),
  },
  'write-global': {
    id: 'write-global',
    section: 'globals',
    taskName: 'change_global_var',
    pythonSource: `def change_global_var(n):
    MY_GLOBAL_VAR = n
    return MY_GLOBAL_VAR

tasks = [delayed(change_global_var)(i) for i in range(n_workers)]
${PARALLEL_CALL}
print(MY_GLOBAL_VAR)`,
    taskSource: `function change_global_var(n) {
  let MY_GLOBAL_VAR = n;
  return MY_GLOBAL_VAR;
}`,
    // The name is only ever a local of the function, so nothing is sent:
    // cloudpickle sends the globals a function reads, not the names it shadows.
    globals: [],
    usesDataset: false,
    usesExcel: false,
    printsParent: 'MY_GLOBAL_VAR',
    writesGlobals: false,
    inThreads: false,
    joblibAnchor: null,
    notebookOutput: '[0, 1]\n1.4',
    taskArgs: indexArgs,
  },
  'change-global': {
    id: 'change-global',
    section: 'globals',
    taskName: 'add_to_global_var',
    pythonSource: `def add_to_global_var(n):
    MY_GLOBAL_VAR += n
    return MY_GLOBAL_VAR

tasks = [delayed(add_to_global_var)(i) for i in range(n_workers)]
${PARALLEL_CALL}`,
    taskSource: `function add_to_global_var(n) {
  MY_GLOBAL_VAR += n;
  return MY_GLOBAL_VAR;
}`,
    globals: ['MY_GLOBAL_VAR'],
    usesDataset: false,
    usesExcel: false,
    printsParent: 'MY_GLOBAL_VAR',
    writesGlobals: false,
    inThreads: false,
    joblibAnchor: null,
    notebookOutput:
      "UnboundLocalError: cannot access local variable 'MY_GLOBAL_VAR' where it is not associated with a value",
    taskArgs: indexArgs,
  },
  'full-copy': {
    id: 'full-copy',
    section: 'databases',
    taskName: 'sum_data',
    pythonSource: `my_global_df = pd.DataFrame(data=np.arange({rows}), columns=["my_data"])

def sum_data(start, end):
    my_local_data = my_global_df["my_data"][start:end]
    return np.sum(my_local_data)

chunk_size = my_global_df.shape[0] // n_workers
tasks = [delayed(sum_data)(i*chunk_size, (i+1)*chunk_size) for i in range(n_workers)]
${PARALLEL_CALL}`,
    taskSource: `function sum_data(start, end) {
  const my_local_data = my_global_df.my_data.subarray(start, end);
  return sum(my_local_data);
}`,
    globals: ['my_global_df'],
    usesDataset: true,
    usesExcel: false,
    printsParent: null,
    writesGlobals: false,
    inThreads: false,
    joblibAnchor: 'python3 joblib_memmap.py; python3 joblib_anchor.py 1048575 2',
    notebookOutput: '[1225, 3725]',
    taskArgs: chunkArgs,
  },
  'partial-read': {
    id: 'partial-read',
    section: 'databases',
    taskName: 'read_and_sum_data',
    pythonSource: `my_global_df = pd.DataFrame(data=np.arange({rows}), columns=["my_data"])
my_global_df.to_excel("my_database.xlsx", index=False)

def read_and_sum_data(start, end):
    my_local_df = pd.read_excel("my_database.xlsx", header=0, skiprows=range(1,start+1), nrows=end-start)
    return my_local_df.shape, np.sum(my_local_df["my_data"])

chunk_size = my_global_df.shape[0] // n_workers
tasks = [delayed(read_and_sum_data)(i*chunk_size, (i+1)*chunk_size) for i in range(n_workers)]
${PARALLEL_CALL}`,
    taskSource: `async function read_and_sum_data(start, end) {
  const my_local_df = await read_excel("my_database.xlsx", { skiprows: start, nrows: end - start });
  return { shape: my_local_df.shape, sum: sum(my_local_df.my_data) };
}`,
    globals: [],
    usesDataset: true,
    usesExcel: true,
    printsParent: null,
    writesGlobals: false,
    inThreads: false,
    joblibAnchor: 'python3 joblib_anchor.py 1048575 2',
    notebookOutput: '[((50, 1), 1225), ((50, 1), 3725)]',
    taskArgs: chunkArgs,
  },
  'global-write': {
    id: 'global-write',
    section: 'beyond',
    taskName: 'add_to_global_var',
    pythonSource: `${GLOBAL_ADD_CELL}${PARALLEL_CALL}
print(MY_GLOBAL_VAR)`,
    // Python's `global` makes the name the function's global: in the worker, its own copy to change.
    taskSource: `function add_to_global_var(n) {
  MY_GLOBAL_VAR += n;
  return MY_GLOBAL_VAR;
}`,
    globals: ['MY_GLOBAL_VAR'],
    writesGlobals: true,
    inThreads: false,
    joblibAnchor: null,
    usesDataset: false,
    usesExcel: false,
    printsParent: 'MY_GLOBAL_VAR',
    notebookOutput: '[1.4, 2.4]\n1.4',
    taskArgs: indexArgs,
  },
  'worker-reuse': {
    id: 'worker-reuse',
    section: 'beyond',
    taskName: 'count_calls',
    pythonSource: `CALLS = 0

def count_calls(i):
    global CALLS
    CALLS += 1
    time.sleep(0.02)
    return os.getpid(), CALLS

tasks = [delayed(count_calls)(i) for i in range(n_workers)]
${PARALLEL_CALL}
print(CALLS)`,
    taskSource: `async function count_calls(i) {
  CALLS += 1;
  await sleep(20);
  return tuple(getpid(), CALLS);
}`,
    globals: ['CALLS'],
    writesGlobals: true,
    inThreads: false,
    joblibAnchor: null,
    usesDataset: false,
    usesExcel: false,
    printsParent: 'CALLS',
    notebookOutput: '[(A, 1), (B, 1)]\n0',
    taskArgs: indexArgs,
  },
  'shared-memory': {
    id: 'shared-memory',
    section: 'beyond',
    taskName: 'run_in_threads',
    pythonSource: `${GLOBAL_ADD_CELL}with Parallel(n_jobs=n_workers, batch_size=1, verbose=10, backend='threading') as parallel_pool:
    parallel_results = parallel_pool(tasks)
print(parallel_results)
print(MY_GLOBAL_VAR)`,
    // One worker process runs the threads: each is its own isolate, and only a SharedArrayBuffer is shared.
    taskSource: `async function run_in_threads(n_threads, rows, increments) {
  // Thread n: MY_GLOBAL_VAR += n on its own global, sums its chunk of one
  // shared dataset, marks it was there, then races on one shared counter.
  return await threads({ n_threads, rows, increments, MY_GLOBAL_VAR });
}`,
    globals: ['MY_GLOBAL_VAR'],
    writesGlobals: false,
    inThreads: true,
    joblibAnchor: null,
    usesDataset: true,
    usesExcel: false,
    printsParent: 'MY_GLOBAL_VAR',
    notebookOutput: '[1.4, 2.4]\n2.4',
    // One task, in one process: the threads are its own (tasks = threads).
    taskArgs: ({ tasks, rows }) => [[tasks, rows, RACE_INCREMENTS]],
  },
};

/**
 * Whether the parent builds the lesson's dataset (`my_global_df`): to send it,
 * or to write the workbook the workers read. A lesson run in threads builds
 * its one copy in the process whose threads share it, as Python's threads
 * read their own process's dataset, so its parent holds none.
 */
export function parentBuildsDataset(lesson: Pick<Lesson, 'usesDataset' | 'inThreads'>): boolean {
  return lesson.usesDataset && !lesson.inThreads;
}

/** Narrows an unknown value to a lesson id. */
export function isLessonId(value: unknown): value is LessonId {
  return typeof value === 'string' && (LESSON_IDS as readonly string[]).includes(value);
}
