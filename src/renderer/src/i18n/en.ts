/**
 * Every string the UI shows, in English. Spanish (es.ts) has the same keys:
 * TypeScript refuses a missing one. `{name}` marks a value filled in at run
 * time.
 */
export const en = {
  app: {
    title: 'Isolation Lab',
    tagline: 'Processes do not share memory',
    language: 'Language',
    lessonsNav: 'Lessons',
    setupRegion: 'The lesson and its controls',
    outcomeRegion: 'What the run showed',
    hostLine: 'Parent process pid {pid} · workers via {backend}',
    watching:
      'Watching: this screen follows the runs started in the lab’s other window, and cannot start one.',
    connecting: 'Connecting to the lab…',
    connectionFailed: 'Could not reach the lab: {message}',
  },
  sections: {
    globals: 'Global variables',
    databases: 'Reading databases',
    beyond: 'What joblib really does',
  },
  lessons: {
    'read-global': {
      title: 'Reading a global variable',
      intro:
        'The parent process sets MY_GLOBAL_VAR = 1.4. Then each worker, a separate process with its own memory, runs return_global_var(), which returns MY_GLOBAL_VAR.',
      why: 'A worker cannot look into the parent’s memory. Instead, joblib sends the function together with a copy of every global it reads; the worker installs that copy, and the function reads it there.',
      takeaway:
        'The {tasks} returned {results}, each in a worker process of its own, from its own copy of MY_GLOBAL_VAR: look at the pids. Nothing was shared; it was copied.',
    },
    'write-global': {
      title: 'Writing into a global variable',
      intro:
        'change_global_var(n) assigns n to MY_GLOBAL_VAR and returns it; each task gets its own n.',
      why: 'In Python, assigning a name inside a function makes it a local variable, so the function never refers to the global and no copy is sent at all. JavaScript needs the local declared with let, as the worker’s code does.',
      takeaway:
        'The {tasks} returned {results}, each its own local variable. The parent still has MY_GLOBAL_VAR = {parent}: a worker cannot write into the parent’s memory.',
    },
    'change-global': {
      title: 'Changing a global variable',
      intro:
        'add_to_global_var(n) reads MY_GLOBAL_VAR, adds n and writes the sum back (MY_GLOBAL_VAR += n).',
      why: 'The worker receives the global as its own read-only copy (a const binding), so the += fails in the worker.',
      takeaway:
        'The error was raised inside worker pid {pid}, in task {task}, and raised again in the parent with the worker’s stack. The parent’s MY_GLOBAL_VAR is still {parent}.',
      languages:
        'Python and JavaScript fail here for different reasons. Python fails at the read: because the function assigns the name, Python treats it as local in the whole function, and the local has no value yet (UnboundLocalError), with or without workers. JavaScript fails at the write: the worker’s copy is a constant. Neither could have changed the parent’s value: even a successful write would only change the worker’s copy.',
    },
    'full-copy': {
      title: 'A dataset as a global: a full copy per worker',
      intro:
        'my_global_df holds the numbers 0 … rows−1. sum_data(start, end) sums only its chunk of rows, reading my_global_df as a global.',
      why: 'The dataset is a global the function reads, so every worker receives a complete copy before it starts, however small its chunk.',
      takeaway:
        'The sums are right, but each worker received the whole dataset ({dataset}), {workers} in all: it was in memory {copies} times, the parent’s copy and one per worker.',
    },
    'partial-read': {
      title: 'Reading only a chunk from an Excel file',
      intro:
        'The parent writes the dataset to my_database.xlsx. read_and_sum_data(start, end) opens the file in the worker and reads its own rows.',
      why: 'The function uses no global dataset, so none travels with the task: each worker keeps only the rows of its chunk.',
      takeaway:
        'The sums match the full copy, yet each worker held only its chunk, {workers} in all: together they held {held}, {times}× the dataset of {dataset}.',
    },
    'global-write': {
      title: 'A worker changes its own copy',
      intro:
        'The parent sets MY_GLOBAL_VAR = 1.4. add_to_global_var(n) declares global MY_GLOBAL_VAR, adds n to it and returns it.',
      why: 'With global, Python writes to the function’s globals, and in a worker those are a copy of its own: cloudpickle sends a notebook function by value, with a fresh copy of its globals for every task. Each task starts from 1.4 and adds its n; the parent never sees it. The worker’s JavaScript gets a writable copy, made afresh for each task, as cloudpickle does. Imported from a module, the function would change the worker’s module instead: try the switch, and worker-reuse.',
      takeaway:
        'The {tasks} returned {results}: each task changed a copy of its own. The parent still has MY_GLOBAL_VAR = {parent}.',
    },
    'worker-reuse': {
      title: 'Reused workers remember',
      intro:
        'The parent sets CALLS = 0. count_calls(i) declares global CALLS, adds 1 to it and returns the worker’s pid with the count. The function can be defined in the notebook or imported from a module.',
      why: 'A notebook function travels by value, with its globals, for every task: each call starts from CALLS = 0. An imported function travels by reference: each worker imports the module once and keeps its globals, and loky reuses its workers from call to call, so each worker’s count goes on, in the next run too, until the workers restart. The parent’s CALLS never changes.',
      takeaway:
        'The {tasks} returned {results}, as (pid, CALLS). The parent still has CALLS = {parent}.',
    },
    'shared-memory': {
      title: 'Threads share memory (and race)',
      intro:
        'joblib’s threading backend runs the tasks in threads of one process. Here one worker process starts a thread per task (Node’s worker_threads); thread n runs MY_GLOBAL_VAR += n, sums its chunk of my_global_df kept once in a SharedArrayBuffer, and adds 1 to one shared counter 1,000,000 times, with a plain += and with Atomics.add.',
      why: 'Python’s threads share every global: with the threading backend the parent’s MY_GLOBAL_VAR itself becomes 2.4. JavaScript’s threads do not: each is its own isolate with its own globals, so += changed each thread’s copy and the main thread kept 1.4. What JavaScript threads share is a SharedArrayBuffer: one copy of the dataset that every thread read, and marks each thread wrote and all saw. Shared memory brings races: a plain += reads, adds and writes back, and two threads that do it at once lose an update; Atomics.add does it as one step.',
      takeaway:
        'The {tasks} returned {results}; the main thread still has MY_GLOBAL_VAR = {mainThread}. Plain +=: {plain} of {expected}; Atomics.add: {atomic}.',
    },
  },
  questions: {
    'shared-memory': {
      prompt:
        '{tasks} in one process each add 1 to one shared counter {increments} times with a plain +=, then {increments} times with Atomics.add. What totals come out, against {expected}?',
      choices: {
        'both-exact': 'Both exactly {expected}',
        'plain-short': 'Atomics.add exactly {expected}; the plain += less',
        'both-short': 'Both less than {expected}',
      },
    },
    'global-write': {
      prompt:
        'The parent sets MY_GLOBAL_VAR = 1.4. add_to_global_var(n) declares global MY_GLOBAL_VAR and adds n to it, for n = 0 … {last}, on {workers}. What happens?',
      choices: {
        fresh: 'The tasks return {list}',
        parent: 'The parent’s MY_GLOBAL_VAR grows with each task',
        error: 'A task raises an error in its worker, as in change-global',
      },
    },
    'worker-reuse': {
      prompt:
        'count_calls adds 1 to its global CALLS and returns it, as {tasks} on {workers}; the function is defined {where}. What counts come back?',
      choices: {
        ones: '1 from every task',
        'per-worker': '1, 2, 3 … in each worker, going on from its earlier tasks',
        shared: '1, 2, 3 … {n} over all the tasks, one counter for all',
      },
      where: { notebook: 'in the notebook', module: 'in a module' },
    },
    title: 'Predict, then run',
    skip: 'Skip the question',
    askFirst: 'Answer the question above, or skip it, to run.',
    again: 'Ask again',
    revealTitle: 'Your prediction against the run',
    right: 'Right: the run shows your answer.',
    wrong: 'Not this time: the run shows “{answer}”.',
    skipped: 'You skipped the question: the run shows “{answer}”.',
    cannot: 'This run did not end as the lesson does, so it cannot answer the question.',
    shown: '✓ the run shows this',
    yours: 'your answer',
    yoursWrong: '✗ your answer',
    toggle: 'Questions',
    toggleTitle: 'Ask a question before each lesson runs',
    presenterHint: 'Keys 1–{n} choose an answer; Enter runs the lesson and reveals; S skips.',
    'read-global': {
      prompt:
        'The parent sets MY_GLOBAL_VAR = 1.4, then runs return_global_var() as {tasks} on {workers}. What does print(parallel_results) show?',
      choices: {
        copies: '{list}',
        nones: '{list}',
        error: 'An error: a worker cannot see the parent’s variables',
      },
    },
    'write-global': {
      prompt:
        'The parent runs change_global_var(n) on {workers}, for n = 0 … {last}; each task sets MY_GLOBAL_VAR = n. Afterwards, what does the parent’s print(MY_GLOBAL_VAR) show?',
      choices: {
        unchanged: '{value}',
        last: '{value}, the last n written',
        error: 'Nothing: the run raises an error',
      },
    },
    'change-global': {
      prompt:
        'The parent runs add_to_global_var(n) on {workers}, for n = 0 … {last}: MY_GLOBAL_VAR += n. What happens?',
      choices: {
        adds: 'The tasks return {list}',
        parent: 'The parent’s MY_GLOBAL_VAR grows with each task',
        error: 'A task raises an error in its worker',
      },
    },
    'full-copy': {
      prompt:
        'The parent splits my_global_df ({rows}, {dataset}) into chunks, and sum_data sums each on {workers}. How much of the dataset do the workers hold together?',
      choices: {
        'one-copy': 'about {bytes} ({times}× the dataset)',
        'copy-each': 'about {bytes} ({times}× the dataset)',
        'copy-each-and-parent': 'about {bytes} ({times}× the dataset)',
      },
    },
    'partial-read': {
      prompt:
        'On {workers}, read_and_sum_data reads each chunk of the {rows} ({dataset}) from my_database.xlsx. How much of the dataset do the workers hold together?',
      choices: {
        'one-copy': 'about {bytes} ({times}× the dataset)',
        'copy-each': 'about {bytes} ({times}× the dataset)',
        'copy-each-and-parent': 'about {bytes} ({times}× the dataset)',
      },
    },
  },
  stream: {
    title: 'Task stream: which worker ran which task',
    note: 'One lane per worker; each bar is a task, from its start to its end in that worker. The tasks of one batch share a shade; the next batch in the lane takes the other. Time in ms since the first task was sent.',
    bar: 'task {task}, batch {batch}: {start}–{end} ms',
    summary: '{tasks} on {workers} in {ms} ms.',
    first: 'The stream shows the first {shown} of {total} tasks.',
  },
  threads: {
    title: 'The threads, in one process',
    thread: 'Thread {n}',
    value: 'its MY_GLOBAL_VAR',
    sum: 'its chunk’s sum',
    seen: 'marks it saw',
    heap: 'its heap grew',
    shared:
      'One copy of the dataset, {bytes}, in a SharedArrayBuffer that all {threads} threads read; the main thread’s MY_GLOBAL_VAR after: {value}.',
    race: 'The race on one shared counter, {expected} additions: plain += {plain} ({lost} lost); Atomics.add {atomic}.',
  },
  steps: {
    start: 'Step through',
    startTitle: 'Run the lesson one step at a time: the run waits at each step for Next step',
    next: 'Next step',
    title: 'Step by step',
    holding: 'The run waits here. Next step (or N) lets it go on.',
    going: 'The run goes on to its next step…',
    globals: 'The parent holds its globals: {globals}.',
    serialised:
      'joblib serialises {task} with the globals it refers to: the code ({code}) and {copies}. Each worker will receive {bytes}.',
    serialisedNone:
      'joblib serialises {task}: the code ({code}); it refers to no global, so no copy goes with it. Each worker will receive {bytes}.',
    installed: 'Worker {n} (pid {pid}) received its own copy: {received}.',
    installedNone: 'Worker {n} (pid {pid}) received the code, and no global.',
    running: 'Worker {n} (pid {pid}) runs task {task}: {call}.',
    returned: 'The parent received worker {n}’s results: task {results}.',
    printed: 'Every result is in. The parent prints {printed}.',
  },
  export: {
    title: 'Keep this run',
    json: 'Save the report (JSON)',
    print: 'Print a one-page summary',
    printHint: 'To keep the summary as a file, choose “Save as PDF” in the print dialog.',
    summaryTitle: '{app} · {lesson}',
    ranAt: 'Run of {date} · {settings}',
    batch: 'batch size {batch}',
    chosen: 'Answer chosen: {answer}',
    skipped: 'The question was skipped.',
    notAsked: 'Questions were off for this run.',
    moreWorkers: '… and {n} more workers, in the JSON report.',
    chartAlt: 'The memory of each process during the run, as on screen.',
  },
  joblib: {
    title: 'What joblib really does',
    'full-copy':
      'joblib does not copy big NumPy arrays: it memory-maps arrays over 1 MB (max_nbytes="1M"), also when they are globals of a notebook function. At 1,000,000 rows each worker’s my_global_df["my_data"].values is an np.memmap of one file in /dev/shm; at 100 rows it is a private copy. Measured on these machines with joblib 1.2: a full copy of 1,048,575 rows (8 MB) on 2 workers grew them by 4.6 and 4.1 MiB (USS). The lab’s full copy is what joblib does with what it cannot memory-map: lists, dicts, strings, arrays under 1 MB. Node cannot map one copy into several processes without a native addon; the shared-memory lesson shows one copy shared by threads.',
    'partial-read':
      'pandas’ read_excel(…, skiprows=…, nrows=…) has openpyxl parse the whole sheet before it keeps the rows asked for. Measured on these machines: half of 1,048,575 rows per worker grew the two workers by 114 and 268 MiB (USS) and took 20.6 s, more than the full copy. Reading only a chunk saves memory when the reader streams, as the lab’s does: a worker grows by about 4 MiB.',
    measured: 'Measured with {command} (bench/anchors).',
  },
  code: {
    python: 'Python, in the notebook',
    module: '# {task} and its globals live in tasks.py: {line}',
    worker: 'JavaScript, compiled and run in each worker',
    workerNote:
      'The code travels as text, as cloudpickle sends a notebook function; each global it uses becomes a const in the worker.',
  },
  controls: {
    definedIn: 'Function defined',
    definedInNotebook: 'in the notebook',
    definedInModule: 'in a module (imported)',
    definedInTitle:
      'cloudpickle sends a notebook function by value, with its globals, for every task; an imported one by reference, to the worker’s own module',
    restart: 'Restart the workers',
    restartTitle: 'End every worker: the next run starts new ones, with fresh module state',
    restarted: 'The workers were restarted: the next run starts new ones.',
    workers: 'Workers',
    tasks: 'Tasks',
    tasksHint: 'one per worker',
    rows: 'Rows',
    batchSize: 'Batch size',
    auto: 'auto',
    verbose: 'Verbose',
    timeout: 'Timeout (s)',
    timeoutHint: 'none',
    timeoutTitle:
      'joblib’s timeout: seconds each task may run. Empty: no limit, but a worker silent for 10 s still ends the run.',
    run: 'Run',
    running: 'Running…',
    cancel: 'Cancel',
    chunkNote:
      'Chunks differ by at most one row, so every row is counted. The tutorial’s rows // n_workers would drop {dropped} rows here.',
    invalid: 'Cannot run: {message}',
    watching:
      'This screen watches: runs started in the lab’s other window appear here as they happen.',
  },
  phases: {
    'preparing-dataset': 'Building my_global_df in the parent',
    'writing-excel': 'Writing my_database.xlsx',
    'starting-workers': 'Starting worker processes',
    running: 'Workers running the tasks',
    measuring: 'Workers reporting their memory',
    finished: 'Finished',
    cancelledDuring:
      'Cancelled while: {phase}. The run did not finish, so it shows no results and no figures.',
    holding: 'Held until the next step',
  },
  phasesShort: {
    'preparing-dataset': 'dataset',
    'writing-excel': 'writing the workbook',
    'starting-workers': 'starting workers',
    running: 'tasks: copies sent, chunks read',
    measuring: 'measuring',
    finished: 'finished',
  },
  progress: {
    excel: 'my_database.xlsx: {written} of {total} rows written',
    read: 'task {task}: {read} of {wanted} rows read',
  },
  map: {
    title: 'Process map',
    hint: 'Each box is a separate operating-system process with its own memory.',
    main: 'Parent process',
    worker: 'Worker {n}',
    kill: 'Kill',
    killLabel: 'Kill worker {n} (pid {pid}) with SIGKILL',
    ended: 'Its process ended {how}.',
    killedByLab: 'The lab killed it: it went past its time or stopped answering.',
    pid: 'pid {pid}',
    globals: 'Its globals',
    received: 'Copies it received',
    dataframe: 'DataFrame {rows} rows × 1 column ({size})',
    memory: 'Holds {held} of dataset; its memory grew by {growth} ({figure}).',
    memorySmall: 'Its own bookkeeping ({overhead} beyond the data) outweighs the data it holds.',
    memoryTryMore: 'Try {rows} to see the data dominate.',
    read: 'Read {compressed} of the sheet’s {sheetCompressed} in the file ({share}) and inflated {uncompressed}, from row {row} on.',
    crcVerified: 'Every byte it inflated matched its CRC-32 checksum.',
    crcNotReached:
      'It stopped before a checksum could be compared: a file the lab did not write has no index of checkpoints.',
    receivedNone: 'none: the function uses no global',
    waitingCopies: 'waiting for the code…',
    tasks: 'Tasks it ran',
    noTasks: 'no task yet',
    task: 'task {index}',
    returned: '→ {value}',
    taskRunning: '… running',
    taskFailed: '✖ raised',
    empty: 'Press Run to start the workers.',
    states: {
      starting: 'starting',
      idle: 'idle',
      running: 'running',
      done: 'done',
      error: 'error',
    },
  },
  results: {
    title: 'Results',
    printed: 'print(parallel_results)',
    notebook: 'The notebook printed',
    parentAfter: 'The parent’s {name} after the run',
    matches: 'Same as the notebook',
    differs: 'Differs from the notebook, which ran {tasks} on {workers}{rows}{where}',
    differsRows: ' with {rows}',
    differsWhere: ', its function defined in the notebook',
    none: 'No results: the run raised an error.',
    takeaway: 'What this shows',
    headline: 'The outcome',
    parentAfterShort: 'the parent after:',
    copies: 'the parent and {workers} hold {copies} copies of the dataset: {bytes}',
    copiesThreads:
      'the one process of the threads holds {copies} copy of the dataset, and the parent none: {bytes}',
    duplication:
      'Dataset held by the workers: {workers} for a dataset of {dataset}, {times}× the data.',
    timing: 'Ran in {ms} ms: {pool}{excel}.',
    poolStarted: '{ms} ms starting the workers',
    poolReused: 'the workers were already running (the pool is reused, as loky reuses its workers)',
    excelWritten: ', {ms} ms writing my_database.xlsx',
    excelReused: ', my_database.xlsx from the last run was still there, unchanged',
  },
  error: {
    title: 'A worker raised an error',
    terminated: 'A worker process died',
    timeout: 'A task ran past its timeout',
    stalled: 'A worker stopped responding',
    cancelled: 'The run was cancelled',
    other: 'The run failed',
    where: 'in worker pid {pid}, task {task}',
    notebookRaised: 'The notebook raised',
    meaning: 'What it means',
    stack: 'Stack, from the worker',
    terminatedMeaning:
      'The operating system ended the worker process (killed, out of memory, or it exited). Its tasks never finished; the parent noticed and stopped the run instead of waiting forever.',
    timeoutMeaning:
      'joblib’s timeout bounds every task: a task that runs longer ends the run with a TimeoutError in the parent. A task cannot be interrupted from outside, so its worker was killed.',
    stalledMeaning:
      'A busy worker speaks at least once a second. This one went silent: stopped (Ctrl-Z, SIGSTOP), stuck, or starved of CPU. The parent ended the run instead of waiting blind, and the next run starts a new worker.',
    cancelledMeaning:
      'The tasks not yet started were dropped; workers that were busy stopped. The pool is ready for the next run.',
    cancelledRaised: 'CancelledError: the run was cancelled before it finished.',
    terminatedRaised:
      'TerminatedWorkerError: the worker process pid {pid} ended {how} while it ran a task.',
    byOom: 'killed by the operating system: out of memory',
    bySignal: 'by the signal {signal}',
    withCode: 'with exit code {code}',
  },
  compare: {
    title: 'Memory: a full copy, a partial read, shared memory',
    short: 'Memory: copy, read or share',
    intro:
      'Three ways of giving N workers the dataset, run at the same rows and workers: a full copy in every worker, each worker reading only its chunk of my_database.xlsx, or N threads of one process sharing one copy. For each process: the dataset it holds, counted (8 bytes per row it keeps), and how much its memory grew, measured by the operating system.',
    strategiesLegend: 'Strategies to compare',
    chooseOne: 'Choose at least one strategy to compare.',
    sweep: 'Also run with 1 … N workers, for the scaling chart',
    takeaways: {
      'full-copy':
        'A full copy puts the whole dataset in every worker: with N workers it exists N\u00a0+\u00a01 times.',
      'partial-read':
        'Reading chunks from the file keeps it at about twice, the parent’s copy and the chunks, however many workers there are.',
      'shared-memory':
        'Threads of one process read one shared copy: it exists once, however many threads there are.',
    },
    summary:
      '{strategy}: the workers hold {times}× the dataset ({bytes}); measured growth {measured}.',
    summaryThreads:
      '{strategy}: the threads’ one process holds {times}× the dataset ({bytes}); measured growth {measured}.',
    liveStep: '{step}, {workers}',
    inSweep: ' (the sweep over 1 … N workers)',
    cancelled:
      'Cancelled during the {step} at {workers}{sweep}. A comparison needs every step measured to its end, so it shows no figures.',
    failed:
      'The {step} at {workers}{sweep} did not finish: {message}. A comparison needs every step measured to its end, so it shows no figures.',
  },
  memory: {
    uss: 'USS: memory only this process uses, which is what it really costs.',
    rss: 'RSS: every page it has in memory, including about 35 MiB of Node shared by all processes.',
    pss: 'PSS: its own pages plus a fair share of the shared ones.',
    noUss:
      'USS is not available on this system: the figures are RSS, which also counts pages shared with other processes.',
    shows: 'The charts show {figure}.',
    barsTitle: 'What each process holds',
    barsNote:
      'Each worker: how much its memory grew during the run ({figure}), split into the dataset it holds (counted), V8’s heap and the rest. The parent: its own copy of the dataset (counted). The threads’ process: the one process whose threads share the dataset.',
    scalingTitle: 'Memory of the dataset against the number of workers',
    scalingNote: 'The parent’s copy plus the workers’ measured growth, beside the ideal: {ideals}.',
    idealFor: '{formula} for {strategy}',
    timelineTitle: 'Memory of each process during the run ({figure})',
    timelineNote: 'Sampled from the operating system every 50 ms.',
    peak: 'brief peak {value} MiB',
    peaksNote:
      'Brief peaks are not what a process keeps: the parent peaks while it writes my_database.xlsx (the XML and compression buffers of the write, freed when it ends), and a worker peaks while it receives a copy (the message being decoded next to the copy it becomes) or reads a block (the compressed and inflated bytes of that block). What each process holds at the end is in the bars and the table.',
    strategies: {
      'full-copy': 'Full copy',
      'partial-read': 'Partial read',
      'shared-memory': 'Shared memory (threads)',
    },
    threadsProcess: 'Threads’ process ({threads})',
    threadsAxis: 'Threads',
    threadsNote:
      'Shared memory runs its {threads} in one process, which builds the one copy they all read; the parent holds none. Each thread’s own heap grew by at most {heap} (its garbage collected).',
    threadsRest:
      'The rest of the process’s growth, {rest}, is memory the threads used while they ran (each is a V8 isolate of its own) that the process has not given back to the system.',
    series: {
      dataset: 'dataset',
      heap: 'V8 heap',
      rest: 'the rest',
      measured: 'measured',
      ideal: 'ideal',
    },
    axisMiB: 'MiB',
    axisWorkers: 'workers',
    axisMs: 'ms since the run started',
    parent: 'Parent',
    worker: 'Worker {n}',
    tableTitle: 'The exact numbers',
    process: 'Process',
    counted: 'Held',
    measured: 'Grew',
    tableNote:
      'In MiB. Held: the dataset the process keeps, counted at 8 bytes a row. Grew: how much its memory grew during the run, measured ({figure}).',
    allWorkers: 'All workers',
    ideal: 'Ideal, all processes',
    duplication: 'Duplication',
    settingsCompare: '{workers} · {rows} · {strategies}',
    settingsRun: '{lesson} · {workers} · {rows}',
    exportPng: 'PNG',
    exportSvg: 'SVG',
    exportCsv: 'Data (CSV)',
    empty: 'Press Run to measure the strategies you chose.',
  },
  errors: {
    range: 'Invalid {field}: {given}. Allowed: a whole number from {min} to {max}.',
    batchSize: 'Invalid batch size: {given}. Allowed: "auto" or a whole number from 1 to {max}.',
    fields: {
      nJobs: 'workers (nJobs)',
      tasks: 'tasks',
      rows: 'rows',
      excelRows: 'rows (Excel holds at most 1,048,575 data rows)',
      verbose: 'verbose',
      timeout: 'timeout (seconds)',
    },
    memoryGuard:
      'Refused before starting: {experiment} with {workers} and {rows} needs about {peak} at its peak, but the budget is {budget}: half of the {available} of memory available now. {lower}',
    lowerBoth: 'Lower rows to at most {rows} or workers to at most {workers}.',
    lowerRows: 'Lower rows to at most {rows}.',
    freeMemory: 'Close other programs to free memory.',
    runInProgress: 'A run is already in progress: wait for it to finish or cancel it first.',
    readOnly:
      'This screen only watches the lab’s runs: it cannot start or cancel one. Open the lab’s address without “watch” to run lessons.',
    notOwner:
      'The run in progress was started from another window: only that window can cancel it.',
    taskTimeout:
      'TimeoutError: a task ran longer than the timeout of {seconds} s. The worker was killed; the next run starts a new one.',
    stalled:
      'The worker {state} and sent nothing for {seconds} s. It was killed; the next run starts a new one.',
    states: {
      T: 'was stopped by a signal (state T, as after SIGSTOP or Ctrl-Z)',
      t: 'was stopped by a debugger (state t)',
      R: 'was running (state R) but never finished its task',
      S: 'was sleeping (state S)',
      D: 'was waiting for the disk (state D)',
      Z: 'had exited (state Z)',
      unknown: 'gave no sign of life',
    },
    excelRow: 'row {row}',
  },
  units: {
    workers: { one: '{n} worker', other: '{n} workers' },
    tasks: { one: '{n} task', other: '{n} tasks' },
    rows: { one: '{n} row', other: '{n} rows' },
    threads: { one: '{n} thread', other: '{n} threads' },
  },
  keys: {
    title: 'Keys',
    previous: 'previous lesson',
    next: 'next lesson',
    run: 'run the lesson',
    answer: 'presenter mode’s question: choose an answer · skip it',
    cancel: 'cancel the run',
    nextStep: 'next step of a run stepped through',
    present: 'presenter mode on or off',
    fullscreen: 'full screen on or off',
    fontSize: 'larger or smaller type',
    keys: 'this list',
    close: 'Close',
    button: 'Keys',
    presenter: 'Presenter',
    smaller: 'Smaller type',
    larger: 'Larger type',
  },
  log: {
    title: 'Verbose log (joblib’s format)',
    empty: 'joblib prints its progress here.',
  },
};

/** The shape every language must fill. */
export type Translations = typeof en;
