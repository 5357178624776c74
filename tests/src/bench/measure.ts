/** Timing of one scenario: milliseconds of each measured run, warm-up runs excluded. */
export interface Timing {
  name: string;
  runs: number[];
}

export interface TimingSummary {
  name: string;
  median: number;
  min: number;
  p90: number;
}

/** Runs `task` `warmup` times unmeasured (caches, statement preparation), then `runs` times. */
export async function measure(
  name: string,
  task: () => Promise<unknown>,
  options: { warmup: number; runs: number },
): Promise<Timing> {
  for (let i = 0; i < options.warmup; i++) await task();
  const runs: number[] = [];
  for (let i = 0; i < options.runs; i++) {
    const started = performance.now();
    await task();
    runs.push(performance.now() - started);
  }
  return { name, runs };
}

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const at = (sorted.length - 1) * q;
  const low = sorted[Math.floor(at)] ?? Number.NaN;
  const high = sorted[Math.ceil(at)] ?? low;
  return low + (high - low) * (at - Math.floor(at));
}

export function summarise(timing: Timing): TimingSummary {
  const sorted = [...timing.runs].sort((a, b) => a - b);
  return {
    name: timing.name,
    median: quantile(sorted, 0.5),
    min: sorted[0] ?? Number.NaN,
    p90: quantile(sorted, 0.9),
  };
}
