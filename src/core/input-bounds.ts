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

/**
 * Money bounds hold in every currency (issue 6 item 5), so they leave room for the currencies
 * with the most units per US dollar: each maximum is a generous ceiling in dollars times 1e5
 * (KRW and IDR are in the thousands and tens of thousands per dollar). Written as the dollar
 * ceiling with the factor's zeros appended, so the text stays exact and plain.
 *
 * @example money('100000000') // { min: '0', max: '10000000000000' }
 */
const MONEY_HEADROOM_ZEROS = '00000';
function money<const Max extends string>(usdCeiling: Max) {
  return { min: '0', max: `${usdCeiling}${MONEY_HEADROOM_ZEROS}` } as const;
}
const ONE_TIME_MONEY = money('10000000000');

export const SETTINGS_BOUNDS = {
  fteCostPerYear: money('100000000'),
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
  inputPerM: money('100000'),
  outputPerM: money('100000'),
  cachedInputPerM: money('100000'),
  batchDiscount: SHARE,
  priceChangePerYear: { min: '-0.9', max: '10' },
  integrationFte: STAFF_FTE,
  fineTuningOneTime: ONE_TIME_MONEY,
  fineTuningPerMonth: ONE_TIME_MONEY,
} as const satisfies Record<string, InputBounds>;

export const GPU_BOUNDS = {
  hourlyPerGpu: money('10000'),
  monthlyPerGpu: money('10000000'),
  purchasePerGpu: money('100000000'),
  amortizationMonths: { min: '0', max: '240', minExclusive: true },
  residualShare: SHARE,
  powerKwPerGpu: { min: '0', max: '100' },
  pue: { min: '1', max: '5' },
  pricePerKwh: money('100'),
  hostingPerGpuMonth: money('1000000'),
} as const satisfies Record<string, InputBounds>;

export const SELF_HOST_BOUNDS = {
  gpusPerReplica: { min: '1', max: '4096', integer: true },
  prefillTokensPerSec: { min: '0', max: '1000000000', minExclusive: true },
  decodeTokensPerSec: { min: '0', max: '1000000000', minExclusive: true },
  targetUtilization: { min: '0', max: '1', minExclusive: true },
  minReplicas: { min: '0', max: '100000', integer: true },
  storagePerMonth: money('1000000000'),
  storagePerGpuMonth: money('1000000'),
  monitoringPerMonth: money('1000000000'),
  monitoringPerGpuMonth: money('1000000'),
  fineTuningOneTime: ONE_TIME_MONEY,
  fineTuningPerMonth: ONE_TIME_MONEY,
} as const satisfies Record<string, InputBounds>;

export const STAFF_TIER_BOUNDS = {
  fromTokensPerDay: TOKENS_PER_DAY_BOUNDS,
  fte: STAFF_FTE,
} as const satisfies Record<string, InputBounds>;

export const ROUTE_SHARE_BOUNDS: InputBounds = SHARE;
