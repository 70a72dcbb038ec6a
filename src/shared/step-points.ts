/**
 * Stepping through a run: the points where a stepwise run holds until the
 * next Step, each a real event of that run (the lab waits there; nothing is
 * replayed). In order: the parent's globals; the function and the copies it
 * captures, serialised, with their bytes; each worker once its copy arrived;
 * each task once its worker started it; each batch once its results came
 * back; and what the parent prints.
 */
import { z } from 'zod/mini';
import { globalSummarySchema } from './memory';

const worker = { slot: z.int(), pid: z.int() };

export const stepPointSchema = z.discriminatedUnion('kind', [
  /** The run started: the globals the parent holds. */
  z.strictObject({ kind: z.literal('globals'), globals: z.array(globalSummarySchema) }),
  /** The function's code and the globals it refers to, serialised as they will travel. */
  z.strictObject({
    kind: z.literal('serialised'),
    taskName: z.string(),
    /** Bytes of the function's code, as text. */
    codeBytes: z.int(),
    /** Each captured global and its bytes once serialised (V8's structured clone, as postMessage sends it). */
    globals: z.array(z.strictObject({ name: z.string(), bytes: z.int() })),
    /** The whole message one worker receives. */
    bytes: z.int(),
  }),
  /** Worker `slot` installed its own copy. */
  z.strictObject({
    kind: z.literal('installed'),
    ...worker,
    received: z.array(globalSummarySchema),
  }),
  /** Worker `slot` started a task: the call, as the notebook writes it. */
  z.strictObject({
    kind: z.literal('running'),
    ...worker,
    taskIndex: z.int(),
    call: z.string(),
  }),
  /** A batch's results came back to the parent. */
  z.strictObject({
    kind: z.literal('returned'),
    ...worker,
    results: z.array(z.strictObject({ taskIndex: z.int(), display: z.string() })),
  }),
  /** Every result is in: what print(parallel_results) shows. */
  z.strictObject({ kind: z.literal('printed'), printed: z.string() }),
]);
export type StepPoint = z.infer<typeof stepPointSchema>;
