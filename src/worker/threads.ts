/**
 * The shared-memory lesson's threads: Node's worker_threads, all in this one
 * process. Each thread is its own JavaScript isolate, so a plain global is
 * still its own (unlike Python's threads, which share every global); what
 * they share is a SharedArrayBuffer: the dataset, built once, that every
 * thread reads, a row of marks where each one's write is seen by all, and a
 * counter two ways, a plain `+=` that loses updates in a race and
 * `Atomics.add` that does not.
 */
import { Worker } from 'node:worker_threads';
import { chunkBounds } from '../shared/chunks';
import type { ThreadsOutcome } from '../shared/threads';

/** Each thread's code, run with `eval` so the worker's bundle needs no second file. */
const THREAD_SOURCE = `
const { workerData, parentPort, threadId } = require('node:worker_threads');
const { getHeapStatistics } = require('node:v8');
const { n, count, start, end, increments, dataset, marks, counter, origin } = workerData;
let MY_GLOBAL_VAR = workerData.MY_GLOBAL_VAR;
// The worker runs with --expose-gc: collect first, so heap growth is what the thread keeps, not its garbage.
const heldHeap = () => (globalThis.gc?.(), getHeapStatistics().used_heap_size);
const heapBefore = heldHeap();
const begin = performance.timeOrigin + performance.now() - origin;
// Wait until every thread is up, so that they race for real.
Atomics.add(marks, count, 1);
while (Atomics.load(marks, count) < count) Atomics.wait(marks, count, Atomics.load(marks, count), 5);
Atomics.notify(marks, count);
MY_GLOBAL_VAR += n;
const rows = new Float64Array(dataset);
let sum = 0;
for (let i = start; i < end; i += 1) sum += rows[i];
Atomics.store(marks, n, n + 1);
// Start the race together: spin until every thread is here, so that the loops overlap.
Atomics.add(marks, count + 2, 1);
while (Atomics.load(marks, count + 2) < count);
for (let i = 0; i < increments; i += 1) counter[0] = counter[0] + 1;
for (let i = 0; i < increments; i += 1) Atomics.add(counter, 1, 1);
// Every thread wrote its mark: count the ones this thread sees.
Atomics.add(marks, count + 1, 1);
while (Atomics.load(marks, count + 1) < count) Atomics.wait(marks, count + 1, Atomics.load(marks, count + 1), 5);
Atomics.notify(marks, count + 1);
let seen = 0;
for (let k = 0; k < count; k += 1) if (Atomics.load(marks, k) === k + 1) seen += 1;
parentPort.postMessage({
  index: n,
  threadId,
  value: MY_GLOBAL_VAR,
  sum,
  seenWrites: seen,
  heapGrowth: Math.max(0, heldHeap() - heapBefore),
  start: begin,
  end: performance.timeOrigin + performance.now() - origin,
});
`;

export interface ThreadsCall {
  threads: number;
  /** Rows of the shared dataset, chunked between the threads. */
  rows: number;
  increments: number;
  MY_GLOBAL_VAR: number;
}

/** The dataset the threads share, built once: `my_data` = 0 … rows−1, as the parent builds its own. */
export function sharedDataset(rows: number): SharedArrayBuffer {
  const dataset = new SharedArrayBuffer(rows * Float64Array.BYTES_PER_ELEMENT);
  const values = new Float64Array(dataset);
  for (let i = 0; i < rows; i += 1) values[i] = i;
  return dataset;
}

/**
 * Runs the lesson's threads on `dataset` (see sharedDataset) and resolves
 * with what each saw and did; a thread's error rejects. The caller keeps the
 * dataset: it is what the process holds, measured at the run's end.
 */
export async function runThreads(
  call: ThreadsCall,
  dataset: SharedArrayBuffer,
): Promise<ThreadsOutcome> {
  const marks = new Int32Array(new SharedArrayBuffer((call.threads + 3) * 4));
  const counter = new Int32Array(new SharedArrayBuffer(8));
  const origin = performance.timeOrigin + performance.now();
  const chunks = chunkBounds(call.rows, call.threads);
  const results = await Promise.all(
    chunks.map(
      ({ start, end }, n) =>
        new Promise<ThreadsOutcome['threads'][number]>((resolve, reject) => {
          const thread = new Worker(THREAD_SOURCE, {
            eval: true,
            workerData: {
              n,
              count: call.threads,
              start,
              end,
              increments: call.increments,
              dataset,
              marks,
              counter,
              origin,
              MY_GLOBAL_VAR: call.MY_GLOBAL_VAR,
            },
          });
          // Settled at the thread's exit, not its message: the run's end then measures a
          // process whose threads have ended, not one still tearing down their isolates.
          let result: ThreadsOutcome['threads'][number] | null = null;
          thread.once('message', (message: ThreadsOutcome['threads'][number]) => {
            result = message;
          });
          thread.once('error', reject);
          thread.once('exit', (code) =>
            result && code === 0
              ? resolve(result)
              : reject(new Error(`thread ${n} exited with code ${code} before it answered`)),
          );
        }),
    ),
  );
  const expected = call.threads * call.increments;
  return {
    threads: results,
    // The main thread's own global: no thread's += reached it.
    mainThreadGlobal: call.MY_GLOBAL_VAR,
    sharedBytes: dataset.byteLength,
    race: { expected, plain: counter[0] as number, atomic: counter[1] as number },
  };
}
