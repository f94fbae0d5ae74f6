/**
 * The Monte Carlo job of the analysis worker (issue 6 item 3), in node: its result equals the
 * core run in one call (prepare, every sample, summary), whatever its steps; the same seed gives
 * the same result and another seed another; zero-width ranges give the scenario's own values;
 * progress counts samples; bad parameters are error values; a cancel between slices stops it (in
 * the slice runner and through the client on the page).
 */
import { describe, expect, it, vi } from 'vitest';
import { Dec } from '../../src/core/decimal';
import { parseInputRef } from '../../src/core/input-refs';
import { prepareMonteCarlo, runPreparedMonteCarlo } from '../../src/core/monte-carlo';
import type { UncertaintyRange } from '../../src/core/monte-carlo';
import { summariseMonteCarlo } from '../../src/core/monte-carlo-summary';
import type { Scenario } from '../../src/core/model';
import { validateScenario } from '../../src/scenario/validate-scenario';
import type { ScenarioDoc, UncertaintyRangeDoc } from '../../src/scenario/document';
import { DEFAULT_PRESET } from '../../src/scenario/presets';
import {
  MONTE_CARLO_STEP,
  isAnalysisKind,
  runMonteCarloJob,
  startAnalysisJob,
} from '../../src/platform/analysis-jobs';
import type { MonteCarloJobResult, MonteCarloParams } from '../../src/platform/analysis-jobs';
import type { JobOutcome, JobProgress, JobSteps } from '../../src/platform/analysis-protocol';
import { runInSlices } from '../../src/platform/analysis-runner';
import type { Scheduler } from '../../src/platform/analysis-runner';
import { createAnalysisClient } from '../../src/platform/analysis-client';

const validated = validateScenario(DEFAULT_PRESET.scenario);
if (!validated.ok) throw new Error('the default preset does not validate');
const DOC: ScenarioDoc = validated.document;
const MODEL: Scenario = validated.scenario;
const STRATEGY = 'self-hosted';

/** The bench's four ranges (issue 6's budget): GPU hour, volume, utilization, API output price. */
const RANGES: UncertaintyRangeDoc[] = [
  { input: 'option/llama-70b-h100/gpu.hourlyPerGpu', low: '2', likely: '3.2', high: '5' },
  {
    input: 'workload/support/tokensPerDay',
    low: '80000000',
    likely: '150000000',
    high: '300000000',
  },
  { input: 'option/llama-70b-h100/targetUtilization', low: '0.4', likely: '0.6', high: '0.8' },
  { input: 'option/gpt-5/outputPerM', low: '6', likely: '10', high: '12' },
];

const params = (over: Partial<MonteCarloParams> = {}): MonteCarloParams => ({
  doc: DOC,
  strategyId: STRATEGY,
  ranges: RANGES,
  seed: 20260801,
  samples: 1000,
  ...over,
});

function coreRanges(ranges: readonly UncertaintyRangeDoc[]): UncertaintyRange[] {
  return ranges.map((r) => {
    const ref = parseInputRef(r.input);
    if (!ref.ok) throw new Error(ref.error);
    return { ref: ref.ref, low: new Dec(r.low), likely: new Dec(r.likely), high: new Dec(r.high) };
  });
}

function drain<R>(steps: JobSteps<R>): { progress: JobProgress[]; outcome: JobOutcome<R> } {
  const progress: JobProgress[] = [];
  for (;;) {
    const next = steps.next();
    if (next.done) return { progress, outcome: next.value };
    progress.push(next.value);
  }
}

function value(outcome: JobOutcome<MonteCarloJobResult>): MonteCarloJobResult {
  if (!outcome.ok) throw new Error(outcome.error);
  return outcome.value;
}

describe('the Monte Carlo job', () => {
  it('gives what the core gives in one call, in steps of samples, as plain data', () => {
    const p = params();
    const { progress, outcome } = drain(runMonteCarloJob(p));
    const prepared = prepareMonteCarlo(MODEL, STRATEGY, coreRanges(RANGES));
    if (!prepared.ok) throw new Error(prepared.error);
    // One slice of every sample: the job's steps of MONTE_CARLO_STEP change nothing.
    const samples = runPreparedMonteCarlo(prepared.prepared, {
      seed: p.seed,
      start: 0,
      count: p.samples,
    });
    const result = value(outcome);
    expect(result.summary).toEqual(summariseMonteCarlo(samples));
    expect(result.base).toEqual(prepared.prepared.base);
    expect(result).toMatchObject({
      baselineId: 'api',
      strategyId: STRATEGY,
      seed: 20260801,
      samples: 1000,
      ineffective: [],
    });
    expect(result.summary.histogram.bins.reduce((n, b) => n + b.count, 0)).toBe(1000);
    const steps = Math.ceil(1000 / MONTE_CARLO_STEP);
    expect(progress).toEqual([
      { done: 0, total: 1000 },
      ...Array.from({ length: steps }, (_, i) => ({
        done: Math.min(1000, (i + 1) * MONTE_CARLO_STEP),
        total: 1000,
      })),
    ]);
    // The result survives structured cloning (postMessage) unchanged.
    expect(structuredClone(outcome)).toEqual(outcome);
  });

  it('is reproducible: the same seed gives the same result, another seed another', () => {
    const a = value(drain(runMonteCarloJob(params({ seed: 7, samples: 300 }))).outcome);
    const b = value(drain(runMonteCarloJob(params({ seed: 7, samples: 300 }))).outcome);
    const c = value(drain(runMonteCarloJob(params({ seed: 8, samples: 300 }))).outcome);
    expect(b).toEqual(a);
    expect(c.summary.savings).not.toEqual(a.summary.savings);
    // A sample count that is not a multiple of the step: the last step is shorter.
    const odd = drain(runMonteCarloJob(params({ seed: 7, samples: 301 })));
    expect(odd.progress.at(-1)).toEqual({ done: 301, total: 301 });
    expect(value(odd.outcome).summary.samples).toBe(301);
  });

  it('gives the scenario’s own values with ranges of zero width', () => {
    const flat = RANGES.map((r) => ({ ...r, low: r.likely, high: r.likely }));
    const doc: ScenarioDoc = {
      ...DOC,
      options: DOC.options.map((o) =>
        o.kind === 'selfHost' && o.gpu.mode === 'hourly'
          ? { ...o, gpu: { ...o.gpu, hourlyPerGpu: '3.2' } }
          : o,
      ),
    };
    const r = value(drain(runMonteCarloJob(params({ doc, ranges: flat, samples: 100 }))).outcome);
    const s = r.summary.savings!;
    expect([s.p10, s.p50, s.p90, s.min, s.max]).toEqual(Array(5).fill(r.base.runRateSavings));
    expect(r.summary.breakEven.p50).toEqual(r.base.breakEven);
    expect(r.summary.cheaper.probability).toBe(
      new Dec(r.base.runRateSavings).greaterThan(0) ? 1 : 0,
    );
  });

  it('names the ranges that change nothing, with the reason and the input in words', () => {
    const doc: ScenarioDoc = {
      ...DOC,
      options: [...DOC.options, { ...DOC.options[0]!, id: 'spare', name: 'Spare API' }],
    };
    const ranges = [
      ...RANGES.slice(0, 1),
      { input: 'option/spare/outputPerM', low: '1', likely: '2', high: '3' },
      { input: 'workload/support/growthPerMonth', low: '0', likely: '0.03', high: '0.05' },
    ];
    const r = value(drain(runMonteCarloJob(params({ doc, ranges, samples: 100 }))).outcome);
    expect(r.ineffective).toEqual([
      {
        key: 'option/spare/outputPerM',
        reason: 'unusedOption',
        label: 'output price per 1M tokens',
        ownerName: 'Spare API',
      },
      {
        key: 'workload/support/growthPerMonth',
        reason: 'timelineOnly',
        label: 'growth per month',
        ownerName: 'Customer-support assistant',
      },
    ]);
  });

  it('reports bad parameters as error values, never throws', () => {
    const outcome = (p: MonteCarloParams) => drain(runMonteCarloJob(p)).outcome;
    const bad = { ...DOC, workloads: [{ ...DOC.workloads[0]!, inputShare: '2' }] };
    expect(outcome(params({ doc: bad }))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^The scenario is not valid: workloads\[0\]\.inputShare/),
    });
    expect(outcome(params({ seed: -1 }))).toEqual({
      ok: false,
      error: 'the seed must be a whole number from 0 to 4294967295',
    });
    expect(outcome(params({ samples: 0 }))).toMatchObject({ ok: false });
    expect(
      outcome(
        params({ ranges: [{ input: 'option/gpt-5/name', low: '1', likely: '1', high: '1' }] }),
      ),
    ).toEqual({ ok: false, error: 'ranges[0].input: "name" is not a numeric input of a option' });
    expect(outcome(params({ ranges: [{ ...RANGES[3]!, high: 'twelve' }] }))).toEqual({
      ok: false,
      error: 'ranges[0].high is not a number',
    });
    expect(outcome(params({ ranges: [{ ...RANGES[3]!, low: '11' }] }))).toEqual({
      ok: false,
      error: 'the range of option/gpt-5/outputPerM must have low <= likely <= high',
    });
    expect(outcome(params({ strategyId: 'api' }))).toMatchObject({
      ok: false,
      error: expect.stringContaining('is the baseline'),
    });
  });

  it('is registered as "monteCarlo"', () => {
    expect(isAnalysisKind('monteCarlo')).toBe(true);
    const steps = startAnalysisJob('monteCarlo', params({ samples: 100 }));
    expect(value(drain(steps).outcome).summary.samples).toBe(100);
  });
});

/** A scheduler whose tasks run when the test says. */
function manualScheduler() {
  const tasks: (() => void)[] = [];
  const schedule: Scheduler = (task) => {
    tasks.push(task);
    return () => {
      const i = tasks.indexOf(task);
      if (i >= 0) tasks.splice(i, 1);
    };
  };
  return {
    schedule,
    pending: () => tasks.length,
    runNext: () => {
      const task = tasks.shift();
      if (!task) throw new Error('nothing scheduled');
      task();
    },
  };
}

describe('cancelling a run between slices', () => {
  it('in the slice runner: no more samples, no outcome, nothing left scheduled', () => {
    const s = manualScheduler();
    const progress: JobProgress[] = [];
    const done = vi.fn();
    // A clock that moves 10 ms per reading: each slice of 25 ms takes a few steps.
    let t = 0;
    const run = runInSlices(() => runMonteCarloJob(params({ samples: 10_000 })), {
      sliceMs: 25,
      schedule: s.schedule,
      now: () => (t += 10),
      onProgress: (p) => progress.push(p),
      onDone: done,
    });
    s.runNext();
    s.runNext();
    expect(progress.map((p) => p.done)).toEqual([2 * MONTE_CARLO_STEP, 5 * MONTE_CARLO_STEP]);
    run.cancel();
    expect(s.pending()).toBe(0);
    expect(done).not.toHaveBeenCalled();
    expect(progress).toHaveLength(2);
  });

  it('through the client on the page: the outcome says where it stopped, progress stops', async () => {
    const s = manualScheduler();
    const client = createAnalysisClient({ createWorker: () => null, schedule: s.schedule });
    const progress: JobProgress[] = [];
    const run = client.run({ kind: 'monteCarlo', params: params({ samples: 10_000 }) }, (p) =>
      progress.push(p),
    );
    await vi.waitFor(() => expect(s.pending()).toBe(1));
    s.runNext();
    s.runNext();
    expect(progress).toHaveLength(2);
    const reached = progress.at(-1)!;
    expect(reached.done).toBeGreaterThan(0);
    expect(reached.done).toBeLessThan(10_000);
    run.cancel();
    expect(await run.result).toEqual({
      status: 'cancelled',
      reason: 'cancelled',
      progress: reached,
    });
    expect(s.pending()).toBe(0);
    expect(progress).toHaveLength(2);
    client.dispose();
  });
});
