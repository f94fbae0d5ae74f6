import { Dec, toPlain } from '../core/decimal';
import { computeSensitivityRows, planSensitivity, sortSensitivityRows } from '../core/sensitivity';
import type { SensitivityResult, SensitivityRow } from '../core/sensitivity';
import { goalSeek } from '../core/goal-seek';
import type { GoalSeekMeasure, GoalSeekResult, GoalSeekTarget } from '../core/goal-seek';
import type { Scenario } from '../core/model';
import { describeInput, parseInputRef } from '../core/input-refs';
import { checkRunOptions, prepareMonteCarlo, runPreparedMonteCarlo } from '../core/monte-carlo';
import type {
  IneffectiveRange,
  MonteCarloSample,
  PreparedMonteCarlo,
  UncertaintyRange,
} from '../core/monte-carlo';
import { summariseMonteCarlo } from '../core/monte-carlo-summary';
import type { MonteCarloSummary } from '../core/monte-carlo-summary';
import type { ScenarioDoc, UncertaintyRangeDoc } from '../scenario/document';
import { validateScenario } from '../scenario/validate-scenario';
import type { JobOutcome, JobSteps } from './analysis-protocol';

/**
 * The analyses the worker runs (issue 6), by kind. Each is a generator over plain data: it takes
 * the scenario as its document (decimal strings), validates it, and yields its progress wherever
 * it may pause. The worker and the page's fallback both run them through `startAnalysisJob`.
 *
 * To add an analysis, add one entry to `ANALYSIS_JOBS`: the kinds, parameter and result types of
 * the client follow from it.
 */
export const ANALYSIS_JOBS = {
  sensitivity: runSensitivityJob,
  goalSeek: runGoalSeekJob,
  monteCarlo: runMonteCarloJob,
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

export type MonteCarloParams = {
  doc: ScenarioDoc;
  strategyId: string;
  /** As the scenario's `analysis.uncertainty.ranges` holds them: input reference and decimal text. */
  ranges: readonly UncertaintyRangeDoc[];
  /** A whole number from 0 to 4294967295. */
  seed: number;
  samples: number;
};

/** A range that cannot change either cost, with the input's words for the page to show. */
export type MonteCarloIneffective = IneffectiveRange & { label: string; ownerName: string };

export type MonteCarloJobResult = {
  baselineId: string;
  strategyId: string;
  seed: number;
  /** Samples drawn (the run's size). */
  samples: number;
  /** Savings and break-even at the scenario's own values. */
  base: PreparedMonteCarlo['base'];
  /** Probability cheaper, percentiles of savings and break-even, and the savings histogram. */
  summary: MonteCarloSummary;
  ineffective: MonteCarloIneffective[];
};

/**
 * Samples per step. One sample costs about 0.1-0.2 ms on the default scenario (two re-costings
 * and a break-even search), so a step stays a few ms and a 25 ms slice (the worker's) holds many.
 */
export const MONTE_CARLO_STEP = 20;

/**
 * Monte Carlo (`prepareMonteCarlo` once, then `runPreparedMonteCarlo` in steps of
 * `MONTE_CARLO_STEP` samples, `summariseMonteCarlo` at the end): the same samples as one call of
 * the core, since sample i depends only on (seed, i). Progress counts samples; a cancel is heard
 * between slices. The samples stay in the worker: only the summary goes back to the page.
 */
export function* runMonteCarloJob(params: MonteCarloParams): JobSteps<MonteCarloJobResult> {
  const scenario = readScenario(params.doc);
  if (!scenario.ok) return scenario;
  const { seed, samples } = params;
  const checked = checkRunOptions({ seed, samples, start: 0, count: samples });
  if (!checked.ok) return checked;
  const ranges = readRanges(params.ranges);
  if (!ranges.ok) return ranges;
  const prepared = prepareMonteCarlo(scenario.value, params.strategyId, ranges.value);
  if (!prepared.ok) return prepared;
  const run = prepared.prepared;
  const drawn: MonteCarloSample[] = [];
  yield { done: 0, total: samples };
  for (let start = 0; start < samples; start += MONTE_CARLO_STEP) {
    const count = Math.min(MONTE_CARLO_STEP, samples - start);
    for (const sample of runPreparedMonteCarlo(run, { seed, start, count })) drawn.push(sample);
    yield { done: drawn.length, total: samples };
  }
  return {
    ok: true,
    value: {
      baselineId: run.baselineId,
      strategyId: run.strategyId,
      seed,
      samples,
      base: run.base,
      summary: summariseMonteCarlo(drawn),
      ineffective: run.ineffective.map((r) => {
        const ref = parseInputRef(r.key);
        const input = ref.ok ? describeInput(scenario.value, ref.ref) : null;
        return { ...r, label: input?.label ?? r.key, ownerName: input?.ownerName ?? '' };
      }),
    },
  };
}

/** The ranges' text as the core takes them; an error names the range (`ranges[2].low`). */
function readRanges(ranges: readonly UncertaintyRangeDoc[]): JobOutcome<UncertaintyRange[]> {
  const out: UncertaintyRange[] = [];
  for (const [i, r] of ranges.entries()) {
    const ref = parseInputRef(r.input);
    if (!ref.ok) return { ok: false, error: `ranges[${i}].input: ${ref.error}` };
    const values: Dec[] = [];
    for (const end of ['low', 'likely', 'high'] as const) {
      try {
        values.push(new Dec(r[end]));
      } catch {
        return { ok: false, error: `ranges[${i}].${end} is not a number` };
      }
    }
    const [low, likely, high] = values as [Dec, Dec, Dec];
    out.push({ ref: ref.ref, low, likely, high });
  }
  return { ok: true, value: out };
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
