/**
 * The holds of a stepwise run. Each step point is announced as a run event
 * (`step`), and the run waits there until the next Step (`release`) or a
 * cancel: the point is where the run really is, not a replay of it.
 */
import type { StepPoint } from '../../shared/step-points';
import type { RunEmitter } from './run-emitter';

/** Announces a step point and waits at it; what Parallel calls between the events it holds after. */
export type StepHold = (point: StepPoint) => Promise<void>;

export class StepGate {
  private count = 0;
  private waiting: (() => void) | null = null;

  constructor(
    private readonly run: RunEmitter,
    private readonly signal: AbortSignal,
  ) {}

  /** Announces `point` and resolves at the next Step, or at once when the run is cancelled. */
  readonly hold: StepHold = (point) => {
    if (this.signal.aborted) return Promise.resolve();
    this.count += 1;
    this.run.emit({ type: 'step', step: this.count, point });
    return new Promise<void>((resolve) => {
      const go = (): void => {
        this.signal.removeEventListener('abort', go);
        this.waiting = null;
        resolve();
      };
      this.waiting = go;
      this.signal.addEventListener('abort', go, { once: true });
    });
  };

  /** The next Step: the run goes on to its next point. False when the run is not holding. */
  release(): boolean {
    if (!this.waiting) return false;
    this.waiting();
    return true;
  }
}
