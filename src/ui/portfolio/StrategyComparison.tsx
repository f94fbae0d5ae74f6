import { useDeferredValue, useId, useMemo, useRef } from 'react';
import { workloadAssignments } from '../../core/workload-assignments';
import { useEvaluation } from '../evaluation-context';
import { useValueWhenSeen } from '../use-value-when-seen';
import { FragmentationSection } from './FragmentationSection';
import { StrategyTable } from './StrategyTable';
import { WorkloadAssignmentTable } from './WorkloadAssignmentTable';
import { comparisonSummary } from './portfolio-text';
import { useFragmentation } from './use-fragmentation';

/**
 * The portfolio comparison (issue 5): a summary in words first, then every strategy side by side,
 * which option serves each workload at what cost per 1M tokens, and what running several
 * self-hosted deployments costs over pooling the same traffic. Loaded lazily (default export).
 *
 * Everything is derived once per result: the tables are memoised components fed memoised rows.
 * The fragmentation analysis costs extra engine runs (about 30 ms in Chromium for 50 workloads ×
 * 30 options × 12 strategies), so a large scenario computes it after the inputs settle, one
 * strategy per task (`useFragmentation`).
 */
export function StrategyComparison({ currency }: { currency: string }) {
  // Rendered in the background after each change (its tables hold up to 50 × 12 cells), so a
  // slider drag updates the headline and the charts first and never waits on these tables; out
  // of view, not at all until the drag pauses.
  const section = useRef<HTMLElement>(null);
  const { model, result, stale } = useDeferredValue(useValueWhenSeen(useEvaluation(), section));
  const headingId = useId();
  const summary = useMemo(
    () => comparisonSummary(model, result, currency),
    [model, result, currency],
  );
  const rows = useMemo(() => workloadAssignments(model, result), [model, result]);
  const fragmentation = useFragmentation(model);
  return (
    <section ref={section} className="comparison" aria-labelledby={headingId}>
      <h2 id={headingId}>Strategies compared</h2>
      {/* Not a live region: the headline already announces it. */}
      {stale && <p className="stale-note">Showing the last valid inputs.</p>}
      <p className="comparison-summary">{summary}</p>
      <StrategyTable model={model} result={result} currency={currency} />
      <h3>By workload</h3>
      <p className="comparison-muted">
        A workload&apos;s cost per 1M tokens includes its part of each option&apos;s fixed costs
        (staff, minimum replicas, storage), shared by the load it puts on the option.
      </p>
      <WorkloadAssignmentTable model={model} rows={rows} currency={currency} />
      <FragmentationSection model={model} state={fragmentation} currency={currency} />
    </section>
  );
}

export default StrategyComparison;
