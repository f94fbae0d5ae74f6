/**
 * The analysis worker's protocol (issue 6): what the page and the worker say to each other, and
 * the shapes a job reports. Types only, so the page can name them without loading any job code.
 *
 * A job is a generator: it yields its progress at each point where it may be paused (between two
 * sensitivity rows, say) and returns its outcome. The same generator runs in the worker or, when
 * no worker can start, on the page in short slices (see `analysis-runner.ts`).
 *
 * Page to worker:
 *   { type: 'run', id, kind, params }   start job `id` (ids are unique per page)
 *   { type: 'cancel', id }              stop it at the next pause; nothing more is sent for it
 * Worker to page:
 *   { type: 'ready' }                   the worker's code loaded and listens
 *   { type: 'progress', id, done, total }   after each slice of work
 *   { type: 'done', id, outcome }       { ok: true, value } or { ok: false, error }
 *
 * Everything sent is plain data (the scenario travels as its document of decimal strings), since
 * decimal objects do not survive `postMessage`.
 */

/** How far a job has got, in its own units (inputs for the sensitivity). */
export type JobProgress = { done: number; total: number };

/** A job's result, or why it has none: errors are values, never thrown across the boundary. */
export type JobOutcome<R> = { ok: true; value: R } | { ok: false; error: string };

/** A running job: yields progress at each pause, returns its outcome. */
export type JobSteps<R> = Generator<JobProgress, JobOutcome<R>, void>;

export type RunMessage = { type: 'run'; id: number; kind: string; params: unknown };
export type CancelMessage = { type: 'cancel'; id: number };
export type ToWorkerMessage = RunMessage | CancelMessage;

export type ReadyMessage = { type: 'ready' };
export type ProgressMessage = { type: 'progress'; id: number } & JobProgress;
export type DoneMessage = { type: 'done'; id: number; outcome: JobOutcome<unknown> };
export type FromWorkerMessage = ReadyMessage | ProgressMessage | DoneMessage;

/** The text of anything thrown, for an error value. */
export function errorText(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return typeof error === 'string' && error ? error : 'unknown error';
}
