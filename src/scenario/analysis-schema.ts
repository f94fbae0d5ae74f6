import * as v from 'valibot';
import { decimalField } from './decimal-field';

/**
 * The optional `analysis` section of scenario format v1 (issue 6): which strategy the analyses
 * compare with the baseline, the sensitivity swing, and the uncertainty ranges with the seed that
 * makes a shared link reproduce the same distribution. Every field is optional; a document
 * without the section is read exactly as before.
 *
 * References between the section and the rest of the scenario (the strategy exists and is not the
 * baseline, each range names an input the scenario has, within that input's bounds) are checked
 * in `analysis-check.ts`, once the scenario is read.
 *
 * @example
 * { "strategyId": "self-hosted", "swing": "0.2",
 *   "uncertainty": { "seed": "20260801", "samples": "10000",
 *     "ranges": [ { "input": "option/gpt-5/outputPerM", "low": "8", "likely": "10", "high": "15" } ] } }
 */

export const ANALYSIS_LIMITS = {
  ranges: 100,
  /** Seeds are unsigned 32-bit integers. */
  seedMax: '4294967295',
  samplesMin: '100',
  samplesMax: '100000',
  inputText: 300,
} as const;

export const ANALYSIS_DEFAULTS = {
  swing: '0.2',
  samples: '10000',
} as const;

/**
 * A range value is first read as any decimal of the size a scenario can hold (the largest bound
 * of any input is 1e12 tokens/day); the bounds of the very input it belongs to are checked later.
 */
const rangeValue = decimalField({ min: '-1000000000000', max: '1000000000000' });

export const uncertaintyRangeSchema = v.strictObject({
  input: v.pipe(
    v.string('must be the name of an input as text, such as "option/gpt-5/outputPerM"'),
    v.maxLength(
      ANALYSIS_LIMITS.inputText,
      `must be at most ${ANALYSIS_LIMITS.inputText} characters`,
    ),
  ),
  low: rangeValue,
  likely: rangeValue,
  high: rangeValue,
});

export const uncertaintySchema = v.strictObject({
  seed: decimalField({ min: '0', max: ANALYSIS_LIMITS.seedMax, integer: true }),
  samples: v.optional(
    decimalField({
      min: ANALYSIS_LIMITS.samplesMin,
      max: ANALYSIS_LIMITS.samplesMax,
      integer: true,
    }),
    ANALYSIS_DEFAULTS.samples,
  ),
  ranges: v.optional(
    v.pipe(
      v.array(uncertaintyRangeSchema, 'must be a list of { input, low, likely, high } ranges'),
      v.maxLength(ANALYSIS_LIMITS.ranges, `must have at most ${ANALYSIS_LIMITS.ranges} ranges`),
    ),
    [],
  ),
});

export const analysisSchema = v.strictObject({
  strategyId: v.optional(
    v.pipe(
      v.string('must be the id of a strategy, as text'),
      v.maxLength(64, 'must be the id of a strategy (at most 64 characters)'),
    ),
  ),
  swing: v.optional(
    decimalField({ min: '0', max: '1', minExclusive: true }),
    ANALYSIS_DEFAULTS.swing,
  ),
  uncertainty: v.optional(uncertaintySchema),
});

export type AnalysisInput = v.InferInput<typeof analysisSchema>;
export type ParsedAnalysis = v.InferOutput<typeof analysisSchema>;
