/**
 * The analysis worker's pieces (issue 6), in node: the jobs give exactly what the core gives in
 * one call; the slice runner pauses, reports progress and stops when cancelled; the client runs
 * jobs in a worker (the real worker module, loaded into a stand-in worker scope), falls back to
 * the page when no worker starts or one fails, and lets a newer job of a kind replace the older.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { computeSensitivity } from '../../src/core/sensitivity';
import { goalSeek } from '../../src/core/goal-seek';
import type { GoalSeekTarget } from '../../src/core/goal-seek';
import { Dec } from '../../src/core/decimal';
import { validateScenario } from '../../src/scenario/validate-scenario';
import type { ScenarioDoc } from '../../src/scenario/document';
import { findPreset } from '../../src/scenario/presets';
import {
  ANALYSIS_JOBS,
  isAnalysisKind,
  runGoalSeekJob,
  runSensitivityJob,
  startAnalysisJob,
} from '../../src/platform/analysis-jobs';
import type { JobOutcome, JobProgress, JobSteps } from '../../src/platform/analysis-protocol';
import { runInSlices } from '../../src/platform/analysis-runner';
import type { Scheduler } from '../../src/platform/analysis-runner';
import { createAnalysisClient } from '../../src/platform/analysis-client';
import type { AnalysisClient } from '../../src/platform/analysis-client';

function presetDoc(id: string): ScenarioDoc {
  const preset = findPreset(id);
  if (!preset) throw new Error(`no preset ${id}`);
  const v = validateScenario(preset.scenario);
  if (!v.ok) throw new Error(JSON.stringify(v.errors));
  return v.document;
}

const DOC = presetDoc('default');
const MODEL = (() => {
  const v = validateScenario(DOC);
  if (!v.ok) throw new Error('invalid');
  return v.scenario;
})();
const STRATEGY = 'self-hosted';
const GPU: GoalSeekTarget = {
  kind: 'input',
  ref: { scope: 'option', id: 'llama-70b-h100', field: 'gpu.hourlyPerGpu' },
};

/** Runs a job to its end, collecting what it yields. */
function drain<R>(steps: JobSteps<R>): { progress: JobProgress[]; outcome: JobOutcome<R> } {
  const progress: JobProgress[] = [];
  for (;;) {
    const next = steps.next();
    if (next.done) return { progress, outcome: next.value };
    progress.push(next.value);
  }
}

describe('the jobs', () => {
  it('sensitivity: one input per step, the same result as computeSensitivity', () => {
    const { progress, outcome } = drain(
      runSensitivityJob({ doc: DOC, strategyId: STRATEGY, swing: '0.2' }),
    );
    const expected = computeSensitivity(MODEL, STRATEGY, new Dec('0.2'));
    if (!expected.ok) throw new Error(expected.error);
    expect(outcome).toEqual({ ok: true, value: expected.result });
    const total = expected.result.rows.length;
    expect(progress).toEqual(Array.from({ length: total + 1 }, (_, done) => ({ done, total })));
    // The result is plain data: it survives structured cloning (postMessage) unchanged.
    expect(structuredClone(outcome)).toEqual(outcome);
  });

  it('goal seek: the same result as goalSeek, after one pause', () => {
    const { progress, outcome } = drain(
      runGoalSeekJob({ doc: DOC, strategyId: STRATEGY, target: GPU, measure: 'runRate' }),
    );
    const expected = goalSeek(MODEL, STRATEGY, GPU, { measure: 'runRate' });
    if (!expected.ok) throw new Error(expected.error);
    expect(progress).toEqual([{ done: 0, total: 1 }]);
    expect(outcome).toEqual({ ok: true, value: expected.result });
    expect(structuredClone(outcome)).toEqual(outcome);
  });

  it('reports bad input as error values, never throws', () => {
    const bad = { ...DOC, workloads: [{ ...DOC.workloads[0], inputShare: '2' }] } as ScenarioDoc;
    expect(
      drain(runSensitivityJob({ doc: bad, strategyId: STRATEGY, swing: '0.2' })).outcome,
    ).toMatchObject({ ok: false, error: expect.stringMatching(/^The scenario is not valid: /) });
    expect(
      drain(runSensitivityJob({ doc: DOC, strategyId: STRATEGY, swing: 'twenty' })).outcome,
    ).toEqual({ ok: false, error: 'The swing "twenty" is not a number' });
    expect(
      drain(runSensitivityJob({ doc: DOC, strategyId: STRATEGY, swing: '2' })).outcome,
    ).toEqual({ ok: false, error: 'the swing must be a fraction from 0 to 1 (0% to 100%)' });
    expect(drain(runSensitivityJob({ doc: DOC, strategyId: 'api', swing: '0.2' })).outcome).toEqual(
      { ok: false, error: expect.stringContaining('is the baseline') },
    );
    expect(
      drain(runGoalSeekJob({ doc: DOC, strategyId: 'nope', target: GPU, measure: 'npv' })).outcome,
    ).toEqual({ ok: false, error: 'no strategy has the id "nope"' });
  });

  it('knows its kinds: the registry is the one list', () => {
    expect(Object.keys(ANALYSIS_JOBS)).toEqual(['sensitivity', 'goalSeek', 'monteCarlo']);
    expect(isAnalysisKind('sensitivity')).toBe(true);
    expect(isAnalysisKind('toString')).toBe(false);
    const steps = startAnalysisJob('goalSeek', {
      doc: DOC,
      strategyId: STRATEGY,
      target: { kind: 'volumeScale' },
      measure: 'runRate',
    });
    expect(drain(steps).outcome.ok).toBe(true);
  });
});

/** A scheduler that runs tasks when told, and a clock that advances as the test says. */
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

/** A job of `n` steps where each step takes `ms` on the fake clock. */
function* countingJob(n: number, clock: { t: number }, ms: number): JobSteps<string> {
  for (let i = 0; i < n; i++) {
    clock.t += ms;
    yield { done: i + 1, total: n };
  }
  return { ok: true, value: `done ${n}` };
}

describe('runInSlices', () => {
  it('starts later, steps until the slice is used up, reports progress after each slice', () => {
    const clock = { t: 0 };
    const s = manualScheduler();
    const progress: JobProgress[] = [];
    const done = vi.fn();
    const started = vi.fn();
    runInSlices(
      () => {
        started();
        return countingJob(10, clock, 4);
      },
      {
        sliceMs: 10,
        schedule: s.schedule,
        now: () => clock.t,
        onProgress: (p) => progress.push(p),
        onDone: done,
      },
    );
    expect(started).not.toHaveBeenCalled();
    s.runNext();
    // 4 + 4 + 4 ms: the third step passes 10 ms, so the slice ends after it.
    expect(progress).toEqual([{ done: 3, total: 10 }]);
    s.runNext();
    s.runNext();
    expect(progress.map((p) => p.done)).toEqual([3, 6, 9]);
    s.runNext();
    expect(done).toHaveBeenCalledWith({ ok: true, value: 'done 10' });
    expect(s.pending()).toBe(0);
  });

  it('stops between slices when cancelled: no more steps, no outcome', () => {
    const clock = { t: 0 };
    const s = manualScheduler();
    const done = vi.fn();
    let steps = 0;
    function* job(): JobSteps<string> {
      for (;;) {
        steps++;
        clock.t += 5;
        yield { done: steps, total: 100 };
      }
    }
    const run = runInSlices(job, {
      sliceMs: 10,
      schedule: s.schedule,
      now: () => clock.t,
      onDone: done,
    });
    s.runNext();
    expect(steps).toBe(2);
    run.cancel();
    expect(s.pending()).toBe(0);
    expect(steps).toBe(2);
    expect(done).not.toHaveBeenCalled();
  });

  it('turns anything thrown into an error value', () => {
    const s = manualScheduler();
    const done = vi.fn();
    function* job(): JobSteps<string> {
      yield { done: 0, total: 1 };
      throw new Error('boom');
    }
    runInSlices(job, { sliceMs: 0, schedule: s.schedule, onDone: done });
    s.runNext();
    s.runNext();
    expect(done).toHaveBeenCalledWith({ ok: false, error: 'boom' });
  });
});

/**
 * A stand-in for `Worker` in node that loads the real worker module
 * (src/platform/analysis-worker.ts) into a fake worker scope: messages go both ways as
 * structured clones, in later tasks, as between threads.
 */
class ModuleWorker extends EventTarget {
  static scope: { page: ModuleWorker | null; listeners: ((e: MessageEvent) => void)[] } = {
    page: null,
    listeners: [],
  };
  sent: unknown[] = [];
  terminated = false;
  constructor() {
    super();
    ModuleWorker.scope.page = this;
  }
  postMessage(message: unknown) {
    this.sent.push(message);
    const copy = structuredClone(message);
    setTimeout(() => {
      if (this.terminated) return;
      for (const l of ModuleWorker.scope.listeners) l(new MessageEvent('message', { data: copy }));
    }, 0);
  }
  terminate() {
    this.terminated = true;
  }
  /** What the worker module posts arrives here. */
  receive(message: unknown) {
    if (this.terminated) return;
    const copy = structuredClone(message);
    setTimeout(() => this.dispatchEvent(new MessageEvent('message', { data: copy })), 0);
  }
}

let workerModuleLoaded = false;
async function loadWorkerModule() {
  if (workerModuleLoaded) return;
  const scope = {
    addEventListener: (_type: string, listener: (e: MessageEvent) => void) =>
      ModuleWorker.scope.listeners.push(listener),
    postMessage: (message: unknown) => ModuleWorker.scope.page?.receive(message),
  };
  vi.stubGlobal('self', scope);
  await import('../../src/platform/analysis-worker');
  vi.unstubAllGlobals();
  workerModuleLoaded = true;
}

/** A worker that never answers by itself: the test plays the worker's side. */
class SilentWorker extends EventTarget {
  sent: { type: string; id: number; kind?: string }[] = [];
  terminated = false;
  postMessage(message: { type: string; id: number; kind?: string }) {
    this.sent.push(message);
  }
  terminate() {
    this.terminated = true;
  }
  say(data: unknown) {
    this.dispatchEvent(new MessageEvent('message', { data }));
  }
}

const SENSITIVITY = {
  kind: 'sensitivity',
  params: { doc: DOC, strategyId: STRATEGY, swing: '0.2' },
} as const;
const expectedSensitivity = () => {
  const r = computeSensitivity(MODEL, STRATEGY, new Dec('0.2'));
  if (!r.ok) throw new Error(r.error);
  return r.result;
};

describe('the analysis client', () => {
  const clients: AnalysisClient[] = [];
  const make = (options: Parameters<typeof createAnalysisClient>[0]) => {
    const c = createAnalysisClient(options);
    clients.push(c);
    return c;
  };
  afterEach(() => {
    for (const c of clients.splice(0)) c.dispose();
  });

  it('runs a job in the worker (the real worker module) and reports its progress', async () => {
    await loadWorkerModule();
    const client = make({ createWorker: () => new ModuleWorker() as unknown as Worker });
    const progress: JobProgress[] = [];
    const run = client.run(SENSITIVITY, (p) => progress.push(p));
    const outcome = await run.result;
    expect(outcome).toEqual({ status: 'done', value: expectedSensitivity(), runner: 'worker' });
    expect(client.runner()).toBe('worker');
    // Progress after slices of about 25 ms; counts only grow.
    for (let i = 1; i < progress.length; i++) {
      expect(progress[i]!.done).toBeGreaterThan(progress[i - 1]!.done);
    }
  });

  it('cancels in the worker: progress stops and the outcome says where it stopped', async () => {
    await loadWorkerModule();
    const worker = new ModuleWorker();
    const client = make({ createWorker: () => worker as unknown as Worker });
    const progress: JobProgress[] = [];
    const big = presetDoc('portfolio-2026');
    const strategyId = big.strategies[1]!.id;
    const run = client.run(
      { kind: 'sensitivity', params: { doc: big, strategyId, swing: '0.2' } },
      (p) => progress.push(p),
    );
    await vi.waitFor(() => expect(progress.length).toBeGreaterThan(0), { timeout: 10_000 });
    run.cancel();
    const outcome = await run.result;
    expect(outcome).toMatchObject({ status: 'cancelled', reason: 'cancelled' });
    expect(worker.sent.at(-1)).toMatchObject({ type: 'cancel' });
    const seen = progress.length;
    await new Promise((r) => setTimeout(r, 200));
    expect(progress.length).toBe(seen);
  });

  it('runs on the page in slices when no worker can start', async () => {
    for (const createWorker of [
      () => null,
      () => {
        throw new Error('blocked by the content security policy');
      },
    ]) {
      const client = make({ createWorker });
      const progress: JobProgress[] = [];
      const outcome = await client.run(SENSITIVITY, (p) => progress.push(p)).result;
      expect(outcome).toEqual({ status: 'done', value: expectedSensitivity(), runner: 'page' });
      expect(client.runner()).toBe('page');
      expect(progress.length).toBeGreaterThan(0);
    }
  });

  it('runs a job on the page in scheduled slices, yielding between them', async () => {
    // No timing here (the suite never asserts speed): with a slice budget of 0 ms every slice
    // is one step, so the job must come back to the scheduler once per sensitivity row.
    // How long a slice takes on a real page is measured by the browser tests and the bench.
    let slices = 0;
    const schedule: Scheduler = (task) => {
      const timer = setTimeout(() => {
        slices += 1;
        task();
      }, 0);
      return () => clearTimeout(timer);
    };
    const client = make({ createWorker: () => null, schedule, sliceMs: 0 });
    const outcome = await client.run(SENSITIVITY).result;
    expect(outcome).toEqual({ status: 'done', value: expectedSensitivity(), runner: 'page' });
    expect(slices).toBeGreaterThan(10);
  });

  it('moves the jobs of a worker that fails to the page', async () => {
    const worker = new SilentWorker();
    const client = make({ createWorker: () => worker as unknown as Worker });
    const run = client.run(SENSITIVITY);
    expect(worker.sent).toEqual([expect.objectContaining({ type: 'run', kind: 'sensitivity' })]);
    worker.dispatchEvent(new Event('error', { cancelable: true }));
    expect(worker.terminated).toBe(true);
    expect(await run.result).toEqual({
      status: 'done',
      value: expectedSensitivity(),
      runner: 'page',
    });
    // It is not tried again.
    expect(client.runner()).toBe('page');
  });

  it('lets a newer job of the same kind replace the older, not one of another kind', async () => {
    const worker = new SilentWorker();
    const client = make({ createWorker: () => worker as unknown as Worker });
    const first = client.run(SENSITIVITY);
    const goal = client.run({
      kind: 'goalSeek',
      params: { doc: DOC, strategyId: STRATEGY, target: GPU, measure: 'runRate' },
    });
    const second = client.run(SENSITIVITY);
    expect(await first.result).toEqual({
      status: 'cancelled',
      reason: 'superseded',
      progress: null,
    });
    const [run1, run2, cancel1, run3] = worker.sent;
    expect(run1).toMatchObject({ type: 'run', kind: 'sensitivity' });
    expect(run2).toMatchObject({ type: 'run', kind: 'goalSeek' });
    expect(cancel1).toEqual({ type: 'cancel', id: run1!.id });
    expect(run3).toMatchObject({ type: 'run', kind: 'sensitivity' });
    // Late messages for the replaced job are ignored; the others arrive.
    worker.say({ type: 'done', id: run1!.id, outcome: { ok: true, value: 'old' } });
    worker.say({ type: 'progress', id: run3!.id, done: 1, total: 2 });
    worker.say({ type: 'done', id: run3!.id, outcome: { ok: false, error: 'no luck' } });
    worker.say({ type: 'done', id: run2!.id, outcome: { ok: true, value: 'found' } });
    expect(await second.result).toEqual({ status: 'error', message: 'no luck' });
    expect(await goal.result).toEqual({ status: 'done', value: 'found', runner: 'worker' });
  });

  it('says so when the page cannot load the job code', async () => {
    const client = make({
      createWorker: () => null,
      loadJobs: () => Promise.reject(new Error('offline')),
    });
    expect(await client.run(SENSITIVITY).result).toEqual({
      status: 'error',
      message: 'The analysis code could not be loaded: offline',
    });
  });
});
