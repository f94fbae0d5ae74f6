import * as v from 'valibot';
import { decimalField } from './decimal-field';

/**
 * The scenario format, version 1 (DESIGN section 4), as a valibot schema. Optional fields take the
 * defaults documented in the README ("Scenario format"); the output holds exact `Dec` values.
 * Cross-field rules (unique ids, routes, shares summing to 1, tier order) are in
 * `validate-scenario.ts`.
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

const money = (max: string) => decimalField({ min: '0', max });
const share = decimalField({ min: '0', max: '1' });
const TOKENS_MAX = '1000000000000';

export const settingsSchema = v.strictObject({
  daysPerYear: v.optional(
    v.picklist([365, 360, '365', '360'], 'must be 365 or 360 (the 30/360 convention)'),
    365,
  ),
  fteCostPerYear: v.optional(money('100000000'), '240000'),
  horizonMonths: v.optional(decimalField({ min: '1', max: '120', integer: true }), '36'),
  discountRatePerYear: v.optional(decimalField({ min: '0', max: '1' }), '0.08'),
});

export const workloadSchema = v.strictObject({
  id,
  name: v.optional(name),
  tokensPerDay: decimalField({ min: '0', max: TOKENS_MAX }),
  inputShare: share,
  cachedInputShare: v.optional(share, '0'),
  batchShare: v.optional(share, '0'),
  peakToAverage: v.optional(decimalField({ min: '1', max: '100' }), '1'),
  growthPerMonth: v.optional(decimalField({ min: '-0.5', max: '1' }), '0'),
});

export const apiOptionSchema = v.strictObject({
  kind: v.literal('api'),
  id,
  name: v.optional(name),
  inputPerM: money('100000'),
  outputPerM: money('100000'),
  cachedInputPerM: v.optional(money('100000')),
  batchDiscount: v.optional(share, '0'),
  priceChangePerYear: v.optional(decimalField({ min: '-0.9', max: '10' }), '0'),
  integrationFte: v.optional(decimalField({ min: '0', max: '10000' }), '0'),
  fineTuningOneTime: v.optional(money('10000000000'), '0'),
  fineTuningPerMonth: v.optional(money('10000000000'), '0'),
});

const gpuName = v.optional(name, 'GPU');
export const gpuSchema = v.variant(
  'mode',
  [
    v.strictObject({ mode: v.literal('hourly'), name: gpuName, hourlyPerGpu: money('10000') }),
    v.strictObject({ mode: v.literal('monthly'), name: gpuName, monthlyPerGpu: money('10000000') }),
    v.strictObject({
      mode: v.literal('buy'),
      name: gpuName,
      purchasePerGpu: money('100000000'),
      amortizationMonths: decimalField({ min: '0', max: '240', minExclusive: true }),
      residualShare: v.optional(share, '0'),
      powerKwPerGpu: v.optional(decimalField({ min: '0', max: '100' }), '0'),
      pue: v.optional(decimalField({ min: '1', max: '5' }), '1'),
      pricePerKwh: v.optional(money('100'), '0'),
      hostingPerGpuMonth: v.optional(money('1000000'), '0'),
    }),
  ],
  'must have "mode" set to "hourly", "monthly" or "buy"',
);

export const staffTierSchema = v.strictObject({
  fromTokensPerDay: decimalField({ min: '0', max: TOKENS_MAX }),
  fte: decimalField({ min: '0', max: '10000' }),
});

export const selfHostOptionSchema = v.strictObject({
  kind: v.literal('selfHost'),
  id,
  name: v.optional(name),
  gpu: gpuSchema,
  gpusPerReplica: v.optional(decimalField({ min: '1', max: '4096', integer: true }), '1'),
  prefillTokensPerSec: decimalField({ min: '0', max: '1000000000', minExclusive: true }),
  decodeTokensPerSec: decimalField({ min: '0', max: '1000000000', minExclusive: true }),
  targetUtilization: v.optional(decimalField({ min: '0', max: '1', minExclusive: true }), '1'),
  minReplicas: v.optional(decimalField({ min: '0', max: '100000', integer: true }), '1'),
  storagePerMonth: v.optional(money('1000000000'), '0'),
  storagePerGpuMonth: v.optional(money('1000000'), '0'),
  monitoringPerMonth: v.optional(money('1000000000'), '0'),
  monitoringPerGpuMonth: v.optional(money('1000000'), '0'),
  engineeringFte: v.optional(
    v.pipe(
      v.array(staffTierSchema, 'must be a list of { fromTokensPerDay, fte } tiers'),
      v.minLength(1, 'must have at least one tier, starting at 0 tokens/day'),
      v.maxLength(LIMITS.staffTiers, `must have at most ${LIMITS.staffTiers} tiers`),
    ),
    [{ fromTokensPerDay: '0', fte: '0' }],
  ),
  fineTuningOneTime: v.optional(money('10000000000'), '0'),
  fineTuningPerMonth: v.optional(money('10000000000'), '0'),
});

export const optionSchema = v.variant(
  'kind',
  [apiOptionSchema, selfHostOptionSchema],
  'must have "kind" set to "api" or "selfHost"',
);

export const routeSchema = v.strictObject({ workloadId: id, optionId: id, share });

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
  settings: v.optional(settingsSchema, {}),
  workloads: list(workloadSchema, LIMITS.workloads, 'workloads'),
  options: list(optionSchema, LIMITS.options, 'options'),
  strategies: v.pipe(
    list(strategySchema, LIMITS.strategies, 'strategies'),
    v.minLength(1, 'must have at least one strategy: the first is the baseline'),
  ),
});

/** A scenario as written in a file or link (numbers as JSON numbers or decimal strings). */
export type ScenarioInput = v.InferInput<typeof scenarioSchema>;
export type ParsedScenario = v.InferOutput<typeof scenarioSchema>;
