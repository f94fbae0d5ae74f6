import AnalysisWorker from './analysis-worker?worker';
import { errorText } from './analysis-protocol';
import type { FromWorkerMessage, JobProgress, ToWorkerMessage } from './analysis-protocol';
import type {
  AnalysisKind,
  AnalysisParams,
  AnalysisValue,
  startAnalysisJob,
} from './analysis-jobs';
import { runInSlices, scheduleTimeout } from './analysis-runner';
import type { Scheduler, SlicedRun } from './analysis-runner';

/**
 * Runs the analyses (issue 6) off the page's main thread: one module worker, started on the
 * first job and reused. Where no worker can start (no `Worker`, a CSP or sandbox that refuses
 * it, a script that fails to load), the same job runs on the page in slices of about 10 ms with
 * a `setTimeout` between them, so input and painting still get their turn.
 *
 * - A newer job of the same kind cancels the older one (its result would be out of date).
 * - `result` never rejects: errors and cancellations are values.
 *
 * @example
 * const run = client.run({ kind: 'sensitivity', params }, (p) => show(p.done, p.total));
 * const outcome = await run.result; // { status: 'done', value, runner: 'worker' } ...
 */
export type AnalysisRunner = 'worker' | 'page';

export type AnalysisOutcome<R> =
  | { status: 'done'; value: R; runner: AnalysisRunner }
  | { status: 'error'; message: string }
  /** `superseded`: a newer job of the same kind replaced it. */
  | { status: 'cancelled'; reason: 'cancelled' | 'superseded'; progress: JobProgress | null };

export type AnalysisRun<R> = { result: Promise<AnalysisOutcome<R>>; cancel(): void };

export type AnalysisJob<K extends AnalysisKind> = { kind: K; params: AnalysisParams<K> };

export type AnalysisClient = {
  run<K extends AnalysisKind>(
    job: AnalysisJob<K>,
    onProgress?: (progress: JobProgress) => void,
  ): AnalysisRun<AnalysisValue<K>>;
  /** Where the next job will run: in the worker unless it could not start. */
  runner(): AnalysisRunner;
  /** Cancels every job and stops the worker. */
  dispose(): void;
};

/** What runs a job on the page: `startAnalysisJob`, loaded only when it is needed. */
type JobsModule = { startAnalysisJob: typeof startAnalysisJob };

export type AnalysisClientOptions = {
  /** A new worker, or null where none can run. Throwing counts as "cannot start". */
  createWorker?: () => Worker | null;
  /** The job code, for running on the page (the worker has its own copy). */
  loadJobs?: () => Promise<JobsModule>;
  /** Slice length on the page, in ms: well under the 50 ms of a long task. */
  sliceMs?: number;
  schedule?: Scheduler;
};

const PAGE_SLICE_MS = 10;

type Pending = {
  id: number;
  kind: AnalysisKind;
  params: unknown;
  onProgress: ((progress: JobProgress) => void) | undefined;
  progress: JobProgress | null;
  where: 'worker' | 'page' | 'loading';
  pageRun: SlicedRun | null;
  settle: (outcome: AnalysisOutcome<unknown>) => void;
};

type WorkerState =
  | { kind: 'none' }
  | { kind: 'running'; worker: Worker }
  /** It failed once: every job from now on runs on the page. */
  | { kind: 'failed' };

export function createAnalysisClient(options: AnalysisClientOptions = {}): AnalysisClient {
  const createWorker = options.createWorker ?? createDefaultWorker;
  const loadJobs = options.loadJobs ?? (() => import('./analysis-jobs'));
  const sliceMs = options.sliceMs ?? PAGE_SLICE_MS;
  const schedule = options.schedule ?? scheduleTimeout;
  const pending = new Map<number, Pending>();
  const latest = new Map<AnalysisKind, number>();
  let state: WorkerState = { kind: 'none' };
  let nextId = 1;

  const finish = (p: Pending, outcome: AnalysisOutcome<unknown>) => {
    if (!pending.delete(p.id)) return;
    if (latest.get(p.kind) === p.id) latest.delete(p.kind);
    p.settle(outcome);
  };

  const onMessage = (event: MessageEvent<FromWorkerMessage>) => {
    const message = event.data;
    if (message.type === 'ready') return;
    const p = pending.get(message.id);
    if (!p || p.where !== 'worker') return;
    if (message.type === 'progress') {
      p.progress = { done: message.done, total: message.total };
      p.onProgress?.(p.progress);
      return;
    }
    const { outcome } = message;
    finish(
      p,
      outcome.ok
        ? { status: 'done', value: outcome.value, runner: 'worker' }
        : { status: 'error', message: outcome.error },
    );
  };

  // The worker could not load or crashed: it is not tried again, and its jobs start over on the
  // page (a job that broke the worker fails there too, but as an error value).
  const onWorkerFailure = (event?: Event) => {
    event?.preventDefault();
    if (state.kind === 'running') state.worker.terminate();
    state = { kind: 'failed' };
    for (const p of pending.values()) if (p.where === 'worker') runOnPage(p);
  };

  const worker = (): Worker | null => {
    if (state.kind === 'running') return state.worker;
    if (state.kind === 'failed') return null;
    try {
      const w = createWorker();
      if (!w) {
        state = { kind: 'failed' };
        return null;
      }
      w.addEventListener('message', onMessage);
      w.addEventListener('error', onWorkerFailure);
      state = { kind: 'running', worker: w };
      return w;
    } catch {
      state = { kind: 'failed' };
      return null;
    }
  };

  const post = (w: Worker, message: ToWorkerMessage) => w.postMessage(message);

  const runOnPage = (p: Pending) => {
    p.where = 'loading';
    p.progress = null;
    loadJobs().then(
      (jobs) => {
        if (!pending.has(p.id)) return;
        p.where = 'page';
        p.pageRun = runInSlices(
          () => jobs.startAnalysisJob(p.kind, p.params as AnalysisParams<typeof p.kind>),
          {
            sliceMs,
            schedule,
            onProgress: (progress) => {
              p.progress = progress;
              p.onProgress?.(progress);
            },
            onDone: (outcome) =>
              finish(
                p,
                outcome.ok
                  ? { status: 'done', value: outcome.value, runner: 'page' }
                  : { status: 'error', message: outcome.error },
              ),
          },
        );
      },
      (error: unknown) =>
        finish(p, {
          status: 'error',
          message: `The analysis code could not be loaded: ${errorText(error)}`,
        }),
    );
  };

  const cancel = (p: Pending, reason: 'cancelled' | 'superseded') => {
    if (!pending.has(p.id)) return;
    if (p.where === 'worker' && state.kind === 'running') {
      post(state.worker, { type: 'cancel', id: p.id });
    }
    p.pageRun?.cancel();
    finish(p, { status: 'cancelled', reason, progress: p.progress });
  };

  return {
    run<K extends AnalysisKind>(
      job: AnalysisJob<K>,
      onProgress?: (progress: JobProgress) => void,
    ): AnalysisRun<AnalysisValue<K>> {
      const older = latest.get(job.kind);
      const olderPending = older === undefined ? undefined : pending.get(older);
      if (olderPending) cancel(olderPending, 'superseded');
      const id = nextId++;
      let settle: (outcome: AnalysisOutcome<unknown>) => void = () => {};
      const result = new Promise<AnalysisOutcome<AnalysisValue<K>>>((resolve) => {
        settle = resolve as (outcome: AnalysisOutcome<unknown>) => void;
      });
      const p: Pending = {
        id,
        kind: job.kind,
        params: job.params,
        onProgress,
        progress: null,
        where: 'worker',
        pageRun: null,
        settle,
      };
      pending.set(id, p);
      latest.set(job.kind, id);
      const w = worker();
      if (w) {
        try {
          post(w, { type: 'run', id, kind: job.kind, params: job.params });
        } catch {
          // Parameters that cannot be copied to the worker can still be used on the page.
          runOnPage(p);
        }
      } else {
        runOnPage(p);
      }
      return { result, cancel: () => cancel(p, 'cancelled') };
    },
    runner: () => (state.kind === 'failed' ? 'page' : 'worker'),
    dispose() {
      for (const p of [...pending.values()]) cancel(p, 'cancelled');
      if (state.kind === 'running') state.worker.terminate();
      state = { kind: 'failed' };
    },
  };
}

function createDefaultWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  return new AnalysisWorker({ name: 'llm-tco analyses' });
}

let shared: AnalysisClient | null = null;

/** The page's one analysis client (one worker for every analysis). */
export function sharedAnalysisClient(): AnalysisClient {
  shared ??= createAnalysisClient();
  return shared;
}
