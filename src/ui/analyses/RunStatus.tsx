import type { AnalysisJobState } from './use-analysis-job';
import type { AnalysisKind } from '../../platform/analysis-jobs';
import { numberFormat } from '../intl-cache';

/**
 * Where a run of an analysis stands: progress with a Cancel button while it works, what was done
 * when it was cancelled (and a way to run it again), or what went wrong. The words of the status
 * line change only when the run starts, ends or stops, so a screen reader is not flooded with
 * progress counts (the progress bar carries those).
 */
export function RunStatus<K extends AnalysisKind>({
  what,
  unit,
  state,
  onCancel,
  onRunAgain,
  locale,
}: {
  /** "sensitivity", "goal seek". */
  what: string;
  /** What the progress counts ("inputs"), or null to show no counts. */
  unit: string | null;
  state: AnalysisJobState<K>;
  onCancel: () => void;
  onRunAgain: (() => void) | null;
  locale?: string;
}) {
  const { status, progress } = state;
  const count = (n: number) => numberFormat(locale, { maximumFractionDigits: 0 }).format(n);
  const counts = (p: { done: number; total: number }) =>
    `${count(p.done)} of ${count(p.total)} ${unit ?? ''}`;
  return (
    <div className="analysis-status">
      {status === 'running' && (
        <div className="analysis-progress">
          <progress
            aria-label={`Progress of the ${what}`}
            {...(progress && unit
              ? { value: progress.done, max: Math.max(1, progress.total) }
              : {})}
          />
          <span className="analysis-progress-text">
            {progress && unit ? `Computing: ${counts(progress)}` : 'Computing…'}
          </span>
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      )}
      <p className="analysis-status-line" role="status">
        {status === 'cancelled' &&
          `The ${what} was cancelled${progress && unit ? ` after ${counts(progress)}` : ''}.`}
      </p>
      {status === 'cancelled' && onRunAgain && (
        <button type="button" onClick={onRunAgain}>
          Run the {what} again
        </button>
      )}
      {status === 'error' && (
        <p className="field-error" role="alert">
          The {what} could not be computed: {state.message}
        </p>
      )}
    </div>
  );
}
