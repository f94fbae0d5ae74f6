import { Dec, toPlain } from '../core/decimal';
import { computeSensitivityRows, planSensitivity, sortSensitivityRows } from '../core/sensitivity';
import type { SensitivityResult, SensitivityRow } from '../core/sensitivity';
import { goalSeek } from '../core/goal-seek';
import type { GoalSeekMeasure, GoalSeekResult, GoalSeekTarget } from '../core/goal-seek';
import type { Scenario } from '../core/model';
import type { ScenarioDoc } from '../scenario/document';
import { validateScenario } from '../scenario/validate-scenario';
import type { JobOutcome, JobSteps } from './analysis-protocol';

/**
 * The analyses the worker runs (issue 6), by kind. Each is a generator over plain data: it takes
 * the scenario as its document (decimal strings), validates it, and yields its progress wherever
 * it may pause. The worker and the page's fallback both run them through `startAnalysisJob`.
 *
 * To add an analysis (Monte Carlo: `monteCarlo: runMonteCarloJob`), add one entry to
 * `ANALYSIS_JOBS`: the kinds, parameter and result types of the client follow from it.
 */
export const ANALYSIS_JOBS = {
  sensitivity: runSensitivityJob,
  goalSeek: runGoalSeekJob,
} as const;

export type AnalysisJobs = typeof ANALYSIS_JOBS;
export type AnalysisKind = keyof AnalysisJobs;
export type AnalysisParams<K extends AnalysisKind> = Parameters<AnalysisJobs[K]>[0];
export type AnalysisValue<K extends AnalysisKind> =
  ReturnType<AnalysisJobs[K]> extends JobSteps<infer R> ? R : never;

export function isAnalysisKind(kind: unknown): kind is AnalysisKind {
  return typeof kind === 'string' && Object.prototype.hasOwnProperty.call(ANALYSIS_JOBS, kind);
}

/** Starts a job of `kind` (nothing runs until the first `next()`). */
export function startAnalysisJob<K extends AnalysisKind>(
  kind: K,
  params: AnalysisParams<K>,
): JobSteps<AnalysisValue<K>> {
  const job = ANALYSIS_JOBS[kind] as (p: AnalysisParams<K>) => JobSteps<AnalysisValue<K>>;
  return job(params);
}

export type SensitivityParams = {
  doc: ScenarioDoc;
  strategyId: string;
  /** A fraction from 0 to 1, as decimal text ("0.2" for ±20%). */
  swing: string;
};

/**
 * Sensitivity (`computeSensitivity`) one input per step: each row costs a few ms on the default
 * scenario (two re-costings of the pair and two break-even searches), about 25 ms on a
 * 50-workload portfolio.
 */
export function* runSensitivityJob(params: SensitivityParams): JobSteps<SensitivityResult> {
  const scenario = readScenario(params.doc);
  if (!scenario.ok) return scenario;
  const swing = readSwing(params.swing);
  if (!swing.ok) return swing;
  const planned = planSensitivity(scenario.value, params.strategyId);
  if (!planned.ok) return planned;
  const { plan } = planned;
  const total = plan.refs.length;
  const rows: SensitivityRow[] = [];
  yield { done: 0, total };
  for (const ref of plan.refs) {
    const computed = computeSensitivityRows(scenario.value, params.strategyId, swing.value, [ref]);
    if (!computed.ok) return computed;
    rows.push(...computed.rows);
    yield { done: rows.length, total };
  }
  return {
    ok: true,
    value: {
      swing: toPlain(swing.value),
      base: plan.base,
      rows: sortSensitivityRows(rows, 'savings'),
      byBreakEven: sortSensitivityRows(rows, 'breakEven'),
      skipped: plan.skipped,
    },
  };
}

export type GoalSeekParams = {
  doc: ScenarioDoc;
  strategyId: string;
  target: GoalSeekTarget;
  measure: GoalSeekMeasure;
};

/**
 * Goal seek is one search in the core (`goalSeek`): tens of ms on the run-rate, up to a few
 * hundred on the NPV of a non-linear input. It pauses once, before it starts.
 */
export function* runGoalSeekJob(params: GoalSeekParams): JobSteps<GoalSeekResult> {
  const scenario = readScenario(params.doc);
  if (!scenario.ok) return scenario;
  yield { done: 0, total: 1 };
  const sought = goalSeek(scenario.value, params.strategyId, params.target, {
    measure: params.measure,
  });
  if (!sought.ok) return sought;
  return { ok: true, value: sought.result };
}

function readScenario(doc: ScenarioDoc): JobOutcome<Scenario> {
  const v = validateScenario(doc);
  if (v.ok) return { ok: true, value: v.scenario };
  const first = v.errors
    .slice(0, 3)
    .map((e) => (e.path ? `${e.path} ${e.message}` : e.message))
    .join('; ');
  return { ok: false, error: `The scenario is not valid: ${first}` };
}

function readSwing(text: string): JobOutcome<Dec> {
  try {
    return { ok: true, value: new Dec(text) };
  } catch {
    return { ok: false, error: `The swing "${String(text).slice(0, 20)}" is not a number` };
  }
}
