import { errorText } from './analysis-protocol';
import type { JobOutcome, JobProgress, JobSteps } from './analysis-protocol';

/** Runs `task` later (after other events, rendering and messages) and returns how to call it off. */
export type Scheduler = (task: () => void) => () => void;

/** `setTimeout(task, 0)`: lets the page paint and handle input, and a worker read its messages. */
export const scheduleTimeout: Scheduler = (task) => {
  const timer = setTimeout(task, 0);
  return () => clearTimeout(timer);
};

export type SliceOptions<R> = {
  /**
   * How long one slice may run before pausing, in ms. A job pauses only where it yields, so a
   * slice can overrun by one step: steps are kept small (one sensitivity row is a few ms).
   */
  sliceMs: number;
  schedule?: Scheduler;
  now?: () => number;
  /** After each slice that did not finish the job. */
  onProgress?: (progress: JobProgress) => void;
  /** Once, with the outcome; never after `cancel()`. */
  onDone: (outcome: JobOutcome<R>) => void;
};

export type SlicedRun = {
  /** Stops before the next step; `onDone` is not called. */
  cancel(): void;
};

/**
 * Runs a job in slices: steps until `sliceMs` has passed, reports the progress, and continues in
 * a new task, so the thread can handle input (on the page) or a cancel message (in the worker)
 * between slices. The job starts in the first scheduled task, never synchronously. Anything the
 * job throws becomes an error value.
 *
 * @example
 * const run = runInSlices(() => startAnalysisJob('sensitivity', params), {
 *   sliceMs: 10, onProgress: show, onDone: finish,
 * });
 * cancelButton.onclick = () => run.cancel();
 */
export function runInSlices<R>(start: () => JobSteps<R>, options: SliceOptions<R>): SlicedRun {
  const schedule = options.schedule ?? scheduleTimeout;
  const now = options.now ?? (() => performance.now());
  let steps: JobSteps<R> | null = null;
  let stopped = false;
  let unschedule: () => void = () => {};

  const finish = (outcome: JobOutcome<R>) => {
    stopped = true;
    options.onDone(outcome);
  };

  const slice = () => {
    if (stopped) return;
    const began = now();
    let reached: JobProgress;
    try {
      steps ??= start();
      let next = steps.next();
      while (!next.done && now() - began < options.sliceMs) next = steps.next();
      if (next.done) return finish(next.value);
      reached = next.value;
    } catch (error) {
      return finish({ ok: false, error: errorText(error) });
    }
    options.onProgress?.(reached);
    unschedule = schedule(slice);
  };

  unschedule = schedule(slice);
  return {
    cancel() {
      if (stopped) return;
      stopped = true;
      unschedule();
      try {
        // Lets the generator run its `finally` blocks, if it has any.
        steps?.return({ ok: false, error: 'cancelled' });
      } catch {
        // A job that throws while being closed has nothing left to report.
      }
    },
  };
}
