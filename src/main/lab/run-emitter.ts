/**
 * One run's voice: every event of the run goes out through it, tagged with
 * the run's id, to the one sink the host gave (the UI, the CLI's log, a
 * test). It also keeps the run's phases on the memory timeline's clock, for
 * the report. The lab creates one per run and passes it down, instead of a
 * callback renamed at every floor.
 */
import type { ParallelEvent, RunEvent, RunPhase } from '../../shared/api';
import type { PhaseMark } from '../../shared/report';

/** A run event before it is tagged with its run. */
type Untagged = RunEvent extends infer E ? (E extends RunEvent ? Omit<E, 'runId'> : never) : never;

export class RunEmitter {
  readonly phases: PhaseMark[] = [];
  private clock: (() => number) | null = null;

  constructor(
    readonly runId: number,
    private readonly sink: ((event: RunEvent) => void) | undefined,
  ) {}

  /** Whether anyone listens (events that cost something to build are skipped otherwise). */
  get listening(): boolean {
    return this.sink !== undefined;
  }

  emit(event: Untagged): void {
    this.sink?.({ runId: this.runId, ...event } as RunEvent);
  }

  /** Parallel's events, as the run's. */
  readonly parallel = (event: ParallelEvent): void => this.emit(event);

  /** From now on, phases are marked on this clock (the memory timeline's, once it runs). */
  useClock(clock: () => number): void {
    this.clock = clock;
  }

  /** A new phase: marked for the report's timeline (but the last) and announced. */
  phase(phase: RunPhase): void {
    if (this.clock && phase !== 'finished') this.phases.push({ phase, t: this.clock() });
    this.emit({ type: 'phase', phase });
  }
}
