import { useCallback, useEffect, useRef, useState } from 'react';
import type { AnalysisRunner } from '../../platform/analysis-client';
import type { AnalysisKind, AnalysisParams, AnalysisValue } from '../../platform/analysis-jobs';
import type { JobProgress } from '../../platform/analysis-protocol';
import { useAnalysisClient } from './analysis-client-context';

/** The last finished run: its value and the parameters it answers. */
export type AnalysisDone<K extends AnalysisKind> = {
  value: AnalysisValue<K>;
  params: AnalysisParams<K>;
  runner: AnalysisRunner;
};

export type AnalysisJobState<K extends AnalysisKind> = {
  status: 'idle' | 'running' | 'done' | 'error' | 'cancelled';
  /** While running, or where a cancelled run stopped. */
  progress: JobProgress | null;
  /** Kept while a newer run works, so the page shows the previous answer meanwhile. */
  last: AnalysisDone<K> | null;
  /** The parameters of the latest run started. */
  params: AnalysisParams<K> | null;
  message: string | null;
};

/**
 * One kind of analysis run through the client (in the worker, or on the page in slices): start,
 * progress, cancel. Starting again supersedes the run in progress; unmounting cancels it.
 */
export function useAnalysisJob<K extends AnalysisKind>(kind: K) {
  const client = useAnalysisClient();
  const [state, setState] = useState<AnalysisJobState<K>>({
    status: 'idle',
    progress: null,
    last: null,
    params: null,
    message: null,
  });
  const current = useRef<{ cancel(): void } | null>(null);

  const start = useCallback(
    (params: AnalysisParams<K>) => {
      const mine = () => current.current === handle;
      const run = client.run({ kind, params }, (progress) => {
        if (mine()) setState((s) => ({ ...s, progress }));
      });
      const handle = { cancel: run.cancel };
      current.current = handle;
      setState((s) => ({ ...s, status: 'running', progress: null, params, message: null }));
      void run.result.then((outcome) => {
        if (!mine()) return;
        current.current = null;
        setState((s) => {
          if (outcome.status === 'done') {
            return {
              ...s,
              status: 'done',
              progress: null,
              last: { value: outcome.value, params, runner: outcome.runner },
              message: null,
            };
          }
          if (outcome.status === 'error') {
            return { ...s, status: 'error', progress: null, message: outcome.message };
          }
          return { ...s, status: 'cancelled', progress: outcome.progress, message: null };
        });
      });
    },
    [client, kind],
  );

  const cancel = useCallback(() => {
    const handle = current.current;
    if (!handle) return;
    // Stays ours until the outcome arrives, so the state becomes 'cancelled' with its progress.
    handle.cancel();
  }, []);

  useEffect(
    () => () => {
      current.current?.cancel();
      current.current = null;
    },
    [],
  );

  return { state, start, cancel };
}
