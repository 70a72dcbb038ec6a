/**
 * What the shared-memory lesson's threads report: each thread's own global
 * after its `+=`, the sum of its chunk of the one shared dataset, how many
 * threads' writes it saw, how much its own heap grew; and the race on one
 * shared counter, a plain `+=` against `Atomics.add`.
 */
import { z } from 'zod/mini';

/** How many times each thread adds 1 to the shared counter, each way. */
export const RACE_INCREMENTS = 1_000_000;

export const threadsOutcomeSchema = z.strictObject({
  threads: z.array(
    z.strictObject({
      index: z.int(),
      threadId: z.int(),
      /** Its MY_GLOBAL_VAR after `MY_GLOBAL_VAR += n`: its own, as every isolate's globals are. */
      value: z.number(),
      /** The sum of its chunk, read from the shared dataset. */
      sum: z.number(),
      /** How many threads' marks (its own included) it saw in shared memory. */
      seenWrites: z.int(),
      /** How much its own heap grew while it worked: the dataset it read is not in it. */
      heapGrowth: z.number(),
      /** From the threads' start, in ms. */
      start: z.number(),
      end: z.number(),
    }),
  ),
  /** The main thread's MY_GLOBAL_VAR after the threads ran. */
  mainThreadGlobal: z.number(),
  /** The shared dataset: one copy, however many threads read it. */
  sharedBytes: z.number(),
  race: z.strictObject({ expected: z.int(), plain: z.int(), atomic: z.int() }),
});
export type ThreadsOutcome = z.infer<typeof threadsOutcomeSchema>;
