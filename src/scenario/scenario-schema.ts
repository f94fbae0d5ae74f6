import * as v from 'valibot';
import { decimalField } from './decimal-field';
import { analysisSchema } from './analysis-schema';
import { fxSchema } from './currency-schema';
import {
  API_OPTION_BOUNDS,
  GPU_BOUNDS,
  ROUTE_SHARE_BOUNDS,
  SELF_HOST_BOUNDS,
  SETTINGS_BOUNDS,
  STAFF_TIER_BOUNDS,
  WORKLOAD_BOUNDS,
} from '../core/input-bounds';

/**
 * The scenario format, version 1 (DESIGN section 4), as a valibot schema. Optional fields take the
 * defaults documented in the README ("Scenario format"); the output holds exact `Dec` values.
 * Cross-field rules (unique ids, routes, shares summing to 1, tier order) are in
 * `validate-scenario.ts`. Numeric bounds come from `src/core/input-bounds.ts`, their one source,
 * which the analyses clamp to as well.
 */

export const SCENARIO_FORMAT = 'llm-tco-scenario';
export const SCENARIO_VERSION = 1;
export const LIMITS = {
  workloads: 50,
  options: 30,
  strategies: 12,
  routesPerStrategy: 50 * 30,
  staffTiers: 20,
  nameLength: 120,
} as const;

const ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

const id = v.pipe(
  v.string('must be a text id'),
  v.regex(ID, 'must be 1-64 letters, digits, "_", "-" or ".", starting with a letter or digit'),
);
const name = v.pipe(
  v.string('must be text'),
  v.maxLength(LIMITS.nameLength, `must be at most ${LIMITS.nameLength} characters`),
);

export const settingsSchema = v.strictObject({
  daysPerYear: v.optional(
    v.picklist([365, 360, '365', '360'], 'must be 365 or 360 (the 30/360 convention)'),
    365,
  ),
  fteCostPerYear: v.optional(decimalField(SETTINGS_BOUNDS.fteCostPerYear), '240000'),
  horizonMonths: v.optional(decimalField(SETTINGS_BOUNDS.horizonMonths), '36'),
  discountRatePerYear: v.optional(decimalField(SETTINGS_BOUNDS.discountRatePerYear), '0.08'),
});

export const workloadSchema = v.strictObject({
  id,
  name: v.optional(name),
  tokensPerDay: decimalField(WORKLOAD_BOUNDS.tokensPerDay),
  inputShare: decimalField(WORKLOAD_BOUNDS.inputShare),
  cachedInputShare: v.optional(decimalField(WORKLOAD_BOUNDS.cachedInputShare), '0'),
  batchShare: v.optional(decimalField(WORKLOAD_BOUNDS.batchShare), '0'),
  peakToAverage: v.optional(decimalField(WORKLOAD_BOUNDS.peakToAverage), '1'),
  growthPerMonth: v.optional(decimalField(WORKLOAD_BOUNDS.growthPerMonth), '0'),
});

export const apiOptionSchema = v.strictObject({
  kind: v.literal('api'),
  id,
  name: v.optional(name),
  inputPerM: decimalField(API_OPTION_BOUNDS.inputPerM),
  outputPerM: decimalField(API_OPTION_BOUNDS.outputPerM),
  cachedInputPerM: v.optional(decimalField(API_OPTION_BOUNDS.cachedInputPerM)),
  batchDiscount: v.optional(decimalField(API_OPTION_BOUNDS.batchDiscount), '0'),
  priceChangePerYear: v.optional(decimalField(API_OPTION_BOUNDS.priceChangePerYear), '0'),
  integrationFte: v.optional(decimalField(API_OPTION_BOUNDS.integrationFte), '0'),
  fineTuningOneTime: v.optional(decimalField(API_OPTION_BOUNDS.fineTuningOneTime), '0'),
  fineTuningPerMonth: v.optional(decimalField(API_OPTION_BOUNDS.fineTuningPerMonth), '0'),
});

const gpuName = v.optional(name, 'GPU');
export const gpuSchema = v.variant(
  'mode',
  [
    v.strictObject({
      mode: v.literal('hourly'),
      name: gpuName,
      hourlyPerGpu: decimalField(GPU_BOUNDS.hourlyPerGpu),
    }),
    v.strictObject({
      mode: v.literal('monthly'),
      name: gpuName,
      monthlyPerGpu: decimalField(GPU_BOUNDS.monthlyPerGpu),
    }),
    v.strictObject({
      mode: v.literal('buy'),
      name: gpuName,
      purchasePerGpu: decimalField(GPU_BOUNDS.purchasePerGpu),
      amortizationMonths: decimalField(GPU_BOUNDS.amortizationMonths),
      residualShare: v.optional(decimalField(GPU_BOUNDS.residualShare), '0'),
      powerKwPerGpu: v.optional(decimalField(GPU_BOUNDS.powerKwPerGpu), '0'),
      pue: v.optional(decimalField(GPU_BOUNDS.pue), '1'),
      pricePerKwh: v.optional(decimalField(GPU_BOUNDS.pricePerKwh), '0'),
      hostingPerGpuMonth: v.optional(decimalField(GPU_BOUNDS.hostingPerGpuMonth), '0'),
    }),
  ],
  'must have "mode" set to "hourly", "monthly" or "buy"',
);

export const staffTierSchema = v.strictObject({
  fromTokensPerDay: decimalField(STAFF_TIER_BOUNDS.fromTokensPerDay),
  fte: decimalField(STAFF_TIER_BOUNDS.fte),
});

export const selfHostOptionSchema = v.strictObject({
  kind: v.literal('selfHost'),
  id,
  name: v.optional(name),
  gpu: gpuSchema,
  gpusPerReplica: v.optional(decimalField(SELF_HOST_BOUNDS.gpusPerReplica), '1'),
  prefillTokensPerSec: decimalField(SELF_HOST_BOUNDS.prefillTokensPerSec),
  decodeTokensPerSec: decimalField(SELF_HOST_BOUNDS.decodeTokensPerSec),
  targetUtilization: v.optional(decimalField(SELF_HOST_BOUNDS.targetUtilization), '1'),
  minReplicas: v.optional(decimalField(SELF_HOST_BOUNDS.minReplicas), '1'),
  storagePerMonth: v.optional(decimalField(SELF_HOST_BOUNDS.storagePerMonth), '0'),
  storagePerGpuMonth: v.optional(decimalField(SELF_HOST_BOUNDS.storagePerGpuMonth), '0'),
  monitoringPerMonth: v.optional(decimalField(SELF_HOST_BOUNDS.monitoringPerMonth), '0'),
  monitoringPerGpuMonth: v.optional(decimalField(SELF_HOST_BOUNDS.monitoringPerGpuMonth), '0'),
  engineeringFte: v.optional(
    v.pipe(
      v.array(staffTierSchema, 'must be a list of { fromTokensPerDay, fte } tiers'),
      v.minLength(1, 'must have at least one tier, starting at 0 tokens/day'),
      v.maxLength(LIMITS.staffTiers, `must have at most ${LIMITS.staffTiers} tiers`),
    ),
    [{ fromTokensPerDay: '0', fte: '0' }],
  ),
  fineTuningOneTime: v.optional(decimalField(SELF_HOST_BOUNDS.fineTuningOneTime), '0'),
  fineTuningPerMonth: v.optional(decimalField(SELF_HOST_BOUNDS.fineTuningPerMonth), '0'),
});

export const optionSchema = v.variant(
  'kind',
  [apiOptionSchema, selfHostOptionSchema],
  'must have "kind" set to "api" or "selfHost"',
);

export const routeSchema = v.strictObject({
  workloadId: id,
  optionId: id,
  share: decimalField(ROUTE_SHARE_BOUNDS),
});

export const strategySchema = v.strictObject({
  id,
  name: v.optional(name),
  routes: v.pipe(
    v.array(routeSchema, 'must be a list of routes'),
    v.maxLength(LIMITS.routesPerStrategy, `must have at most ${LIMITS.routesPerStrategy} routes`),
  ),
});

const list = <T extends v.GenericSchema>(item: T, max: number, what: string) =>
  v.pipe(
    v.array(item, `must be a list of ${what}`),
    v.maxLength(max, `must have at most ${max} ${what}`),
  );

export const scenarioSchema = v.strictObject({
  format: v.literal(SCENARIO_FORMAT, `must be "${SCENARIO_FORMAT}"`),
  version: v.literal(SCENARIO_VERSION, `must be ${SCENARIO_VERSION}`),
  name: v.optional(name, 'Untitled scenario'),
  currency: v.optional(
    v.pipe(
      v.string('must be text'),
      v.regex(/^[A-Z]{3}$/, 'must be a three-letter ISO 4217 code such as "USD"'),
    ),
    'USD',
  ),
  /** The rate from USD for catalog values, when `currency` is not USD (currency-schema.ts). */
  fx: v.optional(fxSchema),
  settings: v.optional(settingsSchema, {}),
  workloads: list(workloadSchema, LIMITS.workloads, 'workloads'),
  options: list(optionSchema, LIMITS.options, 'options'),
  strategies: v.pipe(
    list(strategySchema, LIMITS.strategies, 'strategies'),
    v.minLength(1, 'must have at least one strategy: the first is the baseline'),
  ),
  /** What the analyses compare, and the uncertainty ranges (analysis-schema.ts). */
  analysis: v.optional(analysisSchema),
});

/** A scenario as written in a file or link (numbers as JSON numbers or decimal strings). */
export type ScenarioInput = v.InferInput<typeof scenarioSchema>;
export type ParsedScenario = v.InferOutput<typeof scenarioSchema>;
