/**
 * The analysis worker (a module worker; see `analysis-protocol.ts` for the messages). Each job
 * runs in slices of about 25 ms with a new task between them, so a cancel message is read within
 * one slice and several jobs (a sensitivity and a goal seek) share the thread.
 */
import { errorText } from './analysis-protocol';
import type { FromWorkerMessage, ToWorkerMessage } from './analysis-protocol';
import { isAnalysisKind, startAnalysisJob } from './analysis-jobs';
import type { AnalysisKind, AnalysisParams } from './analysis-jobs';
import { runInSlices } from './analysis-runner';
import type { SlicedRun } from './analysis-runner';

/** The worker's global scope, typed without the WebWorker lib (the app's tsconfig has the DOM). */
type WorkerScope = {
  postMessage(message: FromWorkerMessage): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ToWorkerMessage>) => void): void;
};

const SLICE_MS = 25;
const scope = self as unknown as WorkerScope;
const running = new Map<number, SlicedRun>();

scope.addEventListener('message', (event) => {
  const message = event.data;
  if (message.type === 'cancel') {
    running.get(message.id)?.cancel();
    running.delete(message.id);
    return;
  }
  if (message.type !== 'run') return;
  const { id, kind, params } = message;
  if (!isAnalysisKind(kind)) {
    scope.postMessage({
      type: 'done',
      id,
      outcome: { ok: false, error: `unknown analysis "${String(kind)}"` },
    });
    return;
  }
  const run = runInSlices(() => startAnalysisJob(kind, params as AnalysisParams<AnalysisKind>), {
    sliceMs: SLICE_MS,
    onProgress: (progress) => scope.postMessage({ type: 'progress', id, ...progress }),
    onDone: (outcome) => {
      running.delete(id);
      try {
        scope.postMessage({ type: 'done', id, outcome });
      } catch (error) {
        // A result that cannot be copied is a bug, but the page still hears of it.
        scope.postMessage({ type: 'done', id, outcome: { ok: false, error: errorText(error) } });
      }
    },
  });
  running.set(id, run);
});

scope.postMessage({ type: 'ready' });
