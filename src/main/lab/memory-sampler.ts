/**
 * Samples the memory of every process of a run (the parent and each worker)
 * while it goes on, for the timeline chart. On Linux it reads
 * /proc/<pid>/smaps_rollup (USS, PSS, RSS), about half a millisecond a
 * process; elsewhere it asks each worker for its figures over IPC, which
 * gives RSS only. A host can plug in its own source (Electron's app metrics).
 */
import { readFile } from 'node:fs/promises';
import {
  memorySnapshot,
  type MemorySample,
  type MemorySnapshot,
  type ProcessMemory,
} from '../../shared/memory';
import { parseSmapsRollup } from '../../shared/smaps';

/** A process to sample: its pid and role, and for a worker a way to ask it directly. */
export interface SampledProcess {
  pid: number;
  role: 'main' | 'worker';
  slot: number | null;
  ask?: () => Promise<MemorySnapshot | null>;
}

export interface MemorySource {
  /** Whether the figures include USS. */
  readonly hasUss: boolean;
  sample(processes: readonly SampledProcess[]): Promise<ProcessMemory[]>;
}

/** Linux: every process's smaps_rollup, read from outside it. */
export const procMemorySource: MemorySource = {
  hasUss: true,
  async sample(processes) {
    return Promise.all(
      processes.map(async ({ pid, role, slot }): Promise<ProcessMemory> => {
        try {
          const figures = parseSmapsRollup(await readFile(`/proc/${pid}/smaps_rollup`, 'utf8'));
          return {
            pid,
            role,
            slot,
            rss: figures?.rss ?? null,
            uss: figures?.uss ?? null,
            pss: figures?.pss ?? null,
          };
        } catch {
          return { pid, role, slot, rss: null, uss: null, pss: null };
        }
      }),
    );
  },
};

/** Elsewhere: the parent's own figures, and each worker's, asked over IPC (RSS only). */
export const messageMemorySource: MemorySource = {
  hasUss: false,
  async sample(processes) {
    return Promise.all(
      processes.map(async ({ pid, role, slot, ask }): Promise<ProcessMemory> => {
        const rss = role === 'main' ? process.memoryUsage.rss() : ((await ask?.())?.rss ?? null);
        return { pid, role, slot, rss, uss: null, pss: null };
      }),
    );
  },
};

export function defaultMemorySource(): MemorySource {
  return process.platform === 'linux' ? procMemorySource : messageMemorySource;
}

/** Samples the given processes every `intervalMs` until stopped; a slow sample skips ticks rather than piling up. */
export class MemorySampler {
  private readonly samples: MemorySample[] = [];
  private readonly started = performance.now();
  private timer: NodeJS.Timeout | null = null;
  private busy = false;

  constructor(
    private readonly source: MemorySource,
    private readonly processes: () => readonly SampledProcess[],
    private readonly onSample: (sample: MemorySample) => void,
    private readonly intervalMs = 50,
  ) {}

  /** Milliseconds since the sampler was made: the time base of its samples. */
  elapsed(): number {
    return Math.round(performance.now() - this.started);
  }

  start(): void {
    void this.tick();
    this.timer = setInterval(() => void this.tick(), this.intervalMs);
  }

  private async tick(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      const t = performance.now() - this.started;
      const processes = await this.source.sample(this.processes());
      const sample = { t: Math.round(t), processes };
      this.samples.push(sample);
      this.onSample(sample);
    } finally {
      this.busy = false;
    }
  }

  /** Stops, takes a last sample, and returns them all (thinned to at most `maxSamples`). */
  async stop(maxSamples = 400): Promise<MemorySample[]> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    while (this.busy) await new Promise((resolve) => setTimeout(resolve, 5));
    await this.tick();
    if (this.samples.length <= maxSamples) return [...this.samples];
    const step = this.samples.length / maxSamples;
    return Array.from(
      { length: maxSamples },
      (_, i) => this.samples[Math.floor(i * step)] as MemorySample,
    );
  }
}

/** The parent's own memory, in the same form the workers report theirs. */
export async function measureMain(source: MemorySource): Promise<MemorySnapshot> {
  const usage = process.memoryUsage();
  const [own] = await source.sample([{ pid: process.pid, role: 'main', slot: null }]);
  return memorySnapshot(usage, own);
}

/** Memory the OS can give now without swapping: MemAvailable on Linux, free memory elsewhere. */
export async function availableMemory(): Promise<number> {
  if (process.platform === 'linux') {
    try {
      const match = /^MemAvailable:\s+(\d+) kB/m.exec(await readFile('/proc/meminfo', 'utf8'));
      if (match) return Number(match[1]) * 1024;
    } catch {
      // Fall through to Node's figure.
    }
  }
  const { freemem } = await import('node:os');
  return freemem();
}
