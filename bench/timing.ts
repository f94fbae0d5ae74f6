import { performance } from 'node:perf_hooks';

export type Timing = { median: number; p95: number; runs: number };

/** Runs `fn` repeatedly (after warm-up) and returns the median and p95 in milliseconds. */
export function time(fn: () => unknown, { runs = 50, warmup = 5, maxMs = 20_000 } = {}): Timing {
  for (let i = 0; i < warmup; i++) fn();
  const samples: number[] = [];
  const start = performance.now();
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
    if (performance.now() - start > maxMs && samples.length >= 5) break;
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) =>
    samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? NaN;
  return { median: at(0.5), p95: at(0.95), runs: samples.length };
}
