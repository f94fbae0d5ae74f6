import {
  API_OPTION_BOUNDS,
  GPU_BOUNDS,
  SELF_HOST_BOUNDS,
  SETTINGS_BOUNDS,
  STAFF_TIER_BOUNDS,
  WORKLOAD_BOUNDS,
} from './input-bounds';
import type { InputBounds } from './input-bounds';

/**
 * What the analyses need to know of each numeric field of a scenario, beside its bounds: a label
 * for sentences, a unit for writing values, whether every strategy's cost is linear in it, and
 * whether it reaches the monthly run-rate at all or only the timeline (DESIGN 3.6).
 */
export type FieldUnit =
  'money' | 'share' | 'fte' | 'tokensPerDay' | 'tokensPerSec' | 'count' | 'months' | 'ratio' | 'kw';

export type FieldSpec = {
  label: string;
  bounds: InputBounds;
  unit: FieldUnit;
  /**
   * Every strategy's run-rate and timeline are affine in this field with all else fixed (money,
   * prices, staff counts: GPU counts do not depend on them). Goal seek solves these exactly.
   */
  linear: boolean;
  /** 'timeline': changes only the timeline and NPV, never today's run-rate or the break-even. */
  affects: 'runRate' | 'timeline';
};

type Specs<K extends string> = { readonly [key in K]: FieldSpec };

const spec = (
  label: string,
  bounds: InputBounds,
  unit: FieldUnit,
  linear: boolean,
  affects: FieldSpec['affects'] = 'runRate',
): FieldSpec => ({ label, bounds, unit, linear, affects });

/** Settings that are numeric inputs (`daysPerYear` and `horizonMonths` are not: see input-refs). */
export const SETTINGS_FIELDS: Specs<'fteCostPerYear' | 'discountRatePerYear'> = {
  fteCostPerYear: spec(
    'loaded cost of one engineer per year',
    SETTINGS_BOUNDS.fteCostPerYear,
    'money',
    true,
  ),
  discountRatePerYear: spec(
    'discount rate per year',
    SETTINGS_BOUNDS.discountRatePerYear,
    'share',
    false,
    'timeline',
  ),
};

export const WORKLOAD_FIELDS: Specs<keyof typeof WORKLOAD_BOUNDS> = {
  tokensPerDay: spec('volume', WORKLOAD_BOUNDS.tokensPerDay, 'tokensPerDay', false),
  inputShare: spec('input share', WORKLOAD_BOUNDS.inputShare, 'share', false),
  // Only API prices see the cached share (self-hosted prefill is not credited, DESIGN 3.3).
  cachedInputShare: spec('cached input share', WORKLOAD_BOUNDS.cachedInputShare, 'share', true),
  batchShare: spec('batch-tolerant share', WORKLOAD_BOUNDS.batchShare, 'share', false),
  peakToAverage: spec('peak-to-average ratio', WORKLOAD_BOUNDS.peakToAverage, 'ratio', false),
  growthPerMonth: spec(
    'growth per month',
    WORKLOAD_BOUNDS.growthPerMonth,
    'share',
    false,
    'timeline',
  ),
};

export const API_FIELDS: Specs<keyof typeof API_OPTION_BOUNDS> = {
  inputPerM: spec('input price per 1M tokens', API_OPTION_BOUNDS.inputPerM, 'money', true),
  outputPerM: spec('output price per 1M tokens', API_OPTION_BOUNDS.outputPerM, 'money', true),
  cachedInputPerM: spec(
    'cached input price per 1M tokens',
    API_OPTION_BOUNDS.cachedInputPerM,
    'money',
    true,
  ),
  batchDiscount: spec('batch discount', API_OPTION_BOUNDS.batchDiscount, 'share', true),
  priceChangePerYear: spec(
    'price change per year',
    API_OPTION_BOUNDS.priceChangePerYear,
    'share',
    false,
    'timeline',
  ),
  integrationFte: spec('integration staff', API_OPTION_BOUNDS.integrationFte, 'fte', true),
  fineTuningOneTime: spec(
    'one-time fine-tuning cost',
    API_OPTION_BOUNDS.fineTuningOneTime,
    'money',
    true,
    'timeline',
  ),
  fineTuningPerMonth: spec(
    'fine-tuning cost per month',
    API_OPTION_BOUNDS.fineTuningPerMonth,
    'money',
    true,
  ),
};

/** GPU pricing fields, by pricing mode (DESIGN 3.3): only the current mode's are inputs. */
export const GPU_FIELDS_BY_MODE = {
  hourly: { hourlyPerGpu: spec('GPU price per hour', GPU_BOUNDS.hourlyPerGpu, 'money', true) },
  monthly: {
    monthlyPerGpu: spec('GPU price per month', GPU_BOUNDS.monthlyPerGpu, 'money', true),
  },
  buy: {
    purchasePerGpu: spec('GPU purchase price', GPU_BOUNDS.purchasePerGpu, 'money', true),
    // The timeline pays purchases as capex; amortization shapes only the run-rate.
    amortizationMonths: spec('amortization period', GPU_BOUNDS.amortizationMonths, 'months', false),
    residualShare: spec('residual value share', GPU_BOUNDS.residualShare, 'share', true),
    powerKwPerGpu: spec('power per GPU', GPU_BOUNDS.powerKwPerGpu, 'kw', true),
    pue: spec('PUE', GPU_BOUNDS.pue, 'ratio', true),
    pricePerKwh: spec('electricity price per kWh', GPU_BOUNDS.pricePerKwh, 'money', true),
    hostingPerGpuMonth: spec('hosting per GPU-month', GPU_BOUNDS.hostingPerGpuMonth, 'money', true),
  },
} as const satisfies Record<string, Record<string, FieldSpec>>;

export const SELF_HOST_FIELDS: Specs<keyof typeof SELF_HOST_BOUNDS> = {
  // Whole numbers are searched step by step, so none counts as linear here.
  gpusPerReplica: spec('GPUs per replica', SELF_HOST_BOUNDS.gpusPerReplica, 'count', false),
  prefillTokensPerSec: spec(
    'prefill throughput per replica',
    SELF_HOST_BOUNDS.prefillTokensPerSec,
    'tokensPerSec',
    false,
  ),
  decodeTokensPerSec: spec(
    'decode throughput per replica',
    SELF_HOST_BOUNDS.decodeTokensPerSec,
    'tokensPerSec',
    false,
  ),
  targetUtilization: spec('target utilization', SELF_HOST_BOUNDS.targetUtilization, 'share', false),
  minReplicas: spec('minimum replicas', SELF_HOST_BOUNDS.minReplicas, 'count', false),
  storagePerMonth: spec('storage per month', SELF_HOST_BOUNDS.storagePerMonth, 'money', true),
  storagePerGpuMonth: spec(
    'storage per GPU-month',
    SELF_HOST_BOUNDS.storagePerGpuMonth,
    'money',
    true,
  ),
  monitoringPerMonth: spec(
    'monitoring per month',
    SELF_HOST_BOUNDS.monitoringPerMonth,
    'money',
    true,
  ),
  monitoringPerGpuMonth: spec(
    'monitoring per GPU-month',
    SELF_HOST_BOUNDS.monitoringPerGpuMonth,
    'money',
    true,
  ),
  fineTuningOneTime: spec(
    'one-time fine-tuning cost',
    SELF_HOST_BOUNDS.fineTuningOneTime,
    'money',
    true,
    'timeline',
  ),
  fineTuningPerMonth: spec(
    'fine-tuning cost per month',
    SELF_HOST_BOUNDS.fineTuningPerMonth,
    'money',
    true,
  ),
};

export const STAFF_TIER_FIELDS: Specs<keyof typeof STAFF_TIER_BOUNDS> = {
  fte: spec('staff', STAFF_TIER_BOUNDS.fte, 'fte', true),
  fromTokensPerDay: spec(
    'start of staff tier',
    STAFF_TIER_BOUNDS.fromTokensPerDay,
    'tokensPerDay',
    false,
  ),
};

/** Every GPU field name of any mode (a reference names one without knowing the mode). */
export const ALL_GPU_FIELDS: ReadonlySet<string> = new Set(
  Object.values(GPU_FIELDS_BY_MODE).flatMap((m) => Object.keys(m)),
);

/** The names of the fields of `specs` whose unit is money, in format order. */
function moneyIn(specs: Readonly<Record<string, FieldSpec>>): readonly string[] {
  return Object.keys(specs).filter((field) => specs[field]?.unit === 'money');
}

/**
 * Which fields of each part of a scenario are amounts of money, from the units above (their one
 * source): what a change of currency multiplies (issue 6 item 5). Everything else (shares,
 * throughput, tokens, staff counts, months, kW, PUE) is not money and never converted.
 *
 * @example MONEY_FIELDS.api // ['inputPerM', 'outputPerM', 'cachedInputPerM', 'fineTuningOneTime', 'fineTuningPerMonth']
 */
export const MONEY_FIELDS = {
  settings: moneyIn(SETTINGS_FIELDS),
  workload: moneyIn(WORKLOAD_FIELDS),
  api: moneyIn(API_FIELDS),
  gpu: {
    hourly: moneyIn(GPU_FIELDS_BY_MODE.hourly),
    monthly: moneyIn(GPU_FIELDS_BY_MODE.monthly),
    buy: moneyIn(GPU_FIELDS_BY_MODE.buy),
  },
  selfHost: moneyIn(SELF_HOST_FIELDS),
  staffTier: moneyIn(STAFF_TIER_FIELDS),
} as const;
