// Timing and memory helpers. Run under `node --expose-gc` so heap figures are taken after a full GC.

export function now(): number {
  return performance.now();
}

export async function timed<T>(work: () => T | Promise<T>): Promise<{ value: T; ms: number }> {
  const start = now();
  const value = await work();
  return { value, ms: now() - start };
}

/** The q-th percentile (0..1) by nearest rank. */
export function percentile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

/** Milliseconds per call for each input, after one untimed warm-up call on the first input. */
export function sampleTimes<T>(inputs: readonly T[], run: (input: T) => unknown): number[] {
  if (inputs.length > 0) run(inputs[0]);
  return inputs.map((input) => {
    const start = now();
    run(input);
    return now() - start;
  });
}

/** Live memory after a full GC: JS heap plus array buffers (typed-array indexes live there). */
export function liveBytes(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('Run the benchmark with `node --expose-gc` (npm run bench does) so memory is measured after GC.');
  gc();
  gc();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

export const MB = 1024 * 1024;
