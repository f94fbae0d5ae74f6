/**
 * The bounds of every numeric field of a scenario (DESIGN section 4): the one source of truth.
 * Validation (`src/scenario/scenario-schema.ts`) checks values against these, and the analyses
 * (input references, sensitivity, goal seek) clamp to them, so a value an analysis sets is always
 * one validation accepts.
 *
 * Bounds are decimal text (exact, and quoted as written in validation messages).
 *
 * @example new Dec(SELF_HOST_BOUNDS.targetUtilization.max).toFixed() // '1'
 */
export type InputBounds = {
  readonly min: string;
  readonly max: string;
  /** `min` itself is not allowed (a utilization must be above 0). */
  readonly minExclusive?: boolean;
  /** Only whole numbers. */
  readonly integer?: boolean;
};

/** Volumes, in tokens per day: at most 1e12 (the top of the break-even search, DESIGN 3.5). */
export const TOKENS_PER_DAY_BOUNDS = { min: '0', max: '1000000000000' } as const;
const SHARE = { min: '0', max: '1' } as const;
const STAFF_FTE = { min: '0', max: '10000' } as const;
const ONE_TIME_MONEY = { min: '0', max: '10000000000' } as const;

export const SETTINGS_BOUNDS = {
  fteCostPerYear: { min: '0', max: '100000000' },
  horizonMonths: { min: '1', max: '120', integer: true },
  discountRatePerYear: SHARE,
} as const satisfies Record<string, InputBounds>;

export const WORKLOAD_BOUNDS = {
  tokensPerDay: TOKENS_PER_DAY_BOUNDS,
  inputShare: SHARE,
  cachedInputShare: SHARE,
  batchShare: SHARE,
  peakToAverage: { min: '1', max: '100' },
  growthPerMonth: { min: '-0.5', max: '1' },
} as const satisfies Record<string, InputBounds>;

export const API_OPTION_BOUNDS = {
  inputPerM: { min: '0', max: '100000' },
  outputPerM: { min: '0', max: '100000' },
  cachedInputPerM: { min: '0', max: '100000' },
  batchDiscount: SHARE,
  priceChangePerYear: { min: '-0.9', max: '10' },
  integrationFte: STAFF_FTE,
  fineTuningOneTime: ONE_TIME_MONEY,
  fineTuningPerMonth: ONE_TIME_MONEY,
} as const satisfies Record<string, InputBounds>;

export const GPU_BOUNDS = {
  hourlyPerGpu: { min: '0', max: '10000' },
  monthlyPerGpu: { min: '0', max: '10000000' },
  purchasePerGpu: { min: '0', max: '100000000' },
  amortizationMonths: { min: '0', max: '240', minExclusive: true },
  residualShare: SHARE,
  powerKwPerGpu: { min: '0', max: '100' },
  pue: { min: '1', max: '5' },
  pricePerKwh: { min: '0', max: '100' },
  hostingPerGpuMonth: { min: '0', max: '1000000' },
} as const satisfies Record<string, InputBounds>;

export const SELF_HOST_BOUNDS = {
  gpusPerReplica: { min: '1', max: '4096', integer: true },
  prefillTokensPerSec: { min: '0', max: '1000000000', minExclusive: true },
  decodeTokensPerSec: { min: '0', max: '1000000000', minExclusive: true },
  targetUtilization: { min: '0', max: '1', minExclusive: true },
  minReplicas: { min: '0', max: '100000', integer: true },
  storagePerMonth: { min: '0', max: '1000000000' },
  storagePerGpuMonth: { min: '0', max: '1000000' },
  monitoringPerMonth: { min: '0', max: '1000000000' },
  monitoringPerGpuMonth: { min: '0', max: '1000000' },
  fineTuningOneTime: ONE_TIME_MONEY,
  fineTuningPerMonth: ONE_TIME_MONEY,
} as const satisfies Record<string, InputBounds>;

export const STAFF_TIER_BOUNDS = {
  fromTokensPerDay: TOKENS_PER_DAY_BOUNDS,
  fte: STAFF_FTE,
} as const satisfies Record<string, InputBounds>;

export const ROUTE_SHARE_BOUNDS: InputBounds = SHARE;
