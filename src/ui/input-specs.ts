import type { FieldSpec } from './field-specs';

/** The numeric inputs, grouped as a finance person thinks (issue 3). Stored units in comments. */
export const SPECS = {
  tokensPerDay: {
    label: 'Volume',
    unit: 'tokens/day',
    min: 1e5,
    max: 1e10,
    scale: 'log',
    integer: true,
    help: 'Input plus output tokens per day, today.',
  },
  inputShare: {
    label: 'Input share',
    unit: '% of tokens',
    min: 0,
    max: 1,
    step: 0.01,
    scale: 'linear',
    percent: true,
  },
  cachedInputShare: {
    label: 'Cached input',
    unit: '% of input',
    min: 0,
    max: 1,
    step: 0.01,
    scale: 'linear',
    percent: true,
  },
  batchShare: {
    label: 'Batch-tolerant',
    unit: '% of tokens',
    min: 0,
    max: 1,
    step: 0.01,
    scale: 'linear',
    percent: true,
  },
  peakToAverage: {
    label: 'Peak to average',
    unit: '×',
    min: 1,
    max: 10,
    step: 0.1,
    scale: 'linear',
  },
  growthPerMonth: {
    label: 'Growth',
    unit: '% a month',
    min: -0.1,
    max: 0.2,
    step: 0.005,
    scale: 'linear',
    percent: true,
  },

  inputPerM: {
    money: true,
    label: 'Input price',
    unit: 'per 1M tokens',
    min: 0.01,
    max: 100,
    scale: 'log',
  },
  cachedInputPerM: {
    money: true,
    label: 'Cached input price',
    unit: 'per 1M tokens',
    min: 0.001,
    max: 100,
    scale: 'log',
  },
  outputPerM: {
    money: true,
    label: 'Output price',
    unit: 'per 1M tokens',
    min: 0.01,
    max: 200,
    scale: 'log',
  },
  batchDiscount: {
    label: 'Batch discount',
    unit: '% off',
    min: 0,
    max: 1,
    step: 0.05,
    scale: 'linear',
    percent: true,
  },
  priceChangePerYear: {
    label: 'Price change',
    unit: '% a year',
    min: -0.5,
    max: 0.5,
    step: 0.01,
    scale: 'linear',
    percent: true,
  },
  integrationFte: {
    label: 'Integration staff',
    unit: 'FTE',
    min: 0,
    max: 5,
    step: 0.05,
    scale: 'linear',
  },
  fineTuningOneTime: {
    money: true,
    label: 'Fine-tuning, one-time',
    unit: 'once',
    min: 0,
    max: 1000000,
    step: 1000,
    scale: 'linear',
  },
  fineTuningPerMonth: {
    money: true,
    label: 'Fine-tuning',
    unit: 'a month',
    min: 0,
    max: 100000,
    step: 100,
    scale: 'linear',
  },

  hourlyPerGpu: {
    money: true,
    label: 'GPU price',
    unit: 'per GPU-hour',
    min: 0.1,
    max: 20,
    scale: 'log',
  },
  monthlyPerGpu: {
    money: true,
    label: 'GPU price',
    unit: 'per GPU-month',
    min: 50,
    max: 20000,
    scale: 'log',
  },
  purchasePerGpu: {
    money: true,
    label: 'Purchase price',
    unit: 'per GPU',
    min: 500,
    max: 100000,
    scale: 'log',
  },
  amortizationMonths: {
    label: 'Amortization',
    unit: 'months',
    min: 6,
    max: 72,
    step: 1,
    scale: 'linear',
    integer: true,
  },
  residualShare: {
    label: 'Residual value',
    unit: '% of price',
    min: 0,
    max: 0.8,
    step: 0.05,
    scale: 'linear',
    percent: true,
  },
  powerKwPerGpu: {
    label: 'Power',
    unit: 'kW per GPU',
    min: 0.05,
    max: 3,
    step: 0.005,
    scale: 'linear',
  },
  pue: { label: 'PUE', unit: '×', min: 1, max: 2.5, step: 0.01, scale: 'linear' },
  pricePerKwh: {
    money: true,
    label: 'Electricity',
    unit: 'per kWh',
    min: 0.01,
    max: 0.5,
    step: 0.005,
    scale: 'linear',
  },
  hostingPerGpuMonth: {
    money: true,
    label: 'Hosting',
    unit: 'per GPU-month',
    min: 0,
    max: 1000,
    step: 10,
    scale: 'linear',
  },
  gpusPerReplica: {
    label: 'GPUs per replica',
    unit: 'GPUs',
    min: 1,
    max: 16,
    step: 1,
    scale: 'linear',
    integer: true,
  },
  prefillTokensPerSec: {
    label: 'Prefill throughput',
    unit: 'tokens/s per replica',
    min: 100,
    max: 500000,
    scale: 'log',
    integer: true,
  },
  decodeTokensPerSec: {
    label: 'Decode throughput',
    unit: 'tokens/s per replica',
    min: 100,
    max: 200000,
    scale: 'log',
    integer: true,
  },
  targetUtilization: {
    label: 'Target utilization',
    unit: '% of capacity',
    min: 0.05,
    max: 1,
    step: 0.01,
    scale: 'linear',
    percent: true,
  },
  minReplicas: {
    label: 'Minimum replicas',
    unit: 'replicas',
    min: 0,
    max: 20,
    step: 1,
    scale: 'linear',
    integer: true,
  },
  storagePerMonth: {
    money: true,
    label: 'Storage, fixed',
    unit: 'a month',
    min: 0,
    max: 20000,
    step: 50,
    scale: 'linear',
  },
  storagePerGpuMonth: {
    money: true,
    label: 'Storage, per GPU',
    unit: 'per GPU-month',
    min: 0,
    max: 500,
    step: 5,
    scale: 'linear',
  },
  monitoringPerMonth: {
    money: true,
    label: 'Monitoring, fixed',
    unit: 'a month',
    min: 0,
    max: 20000,
    step: 50,
    scale: 'linear',
  },
  monitoringPerGpuMonth: {
    money: true,
    label: 'Monitoring, per GPU',
    unit: 'per GPU-month',
    min: 0,
    max: 500,
    step: 5,
    scale: 'linear',
  },
  fte: { label: 'Engineers', unit: 'FTE', min: 0, max: 10, step: 0.05, scale: 'linear' },
  fromTokensPerDay: {
    label: 'From',
    unit: 'tokens/day',
    min: 1e6,
    max: 1e11,
    scale: 'log',
    integer: true,
  },

  horizonMonths: {
    label: 'Horizon',
    unit: 'months',
    min: 1,
    max: 120,
    step: 1,
    scale: 'linear',
    integer: true,
  },
  discountRatePerYear: {
    label: 'Discount rate',
    unit: '% a year',
    min: 0,
    max: 0.3,
    step: 0.005,
    scale: 'linear',
    percent: true,
  },
  fteCostPerYear: {
    money: true,
    label: 'Engineer cost',
    unit: 'a year, loaded',
    min: 50000,
    max: 500000,
    step: 1000,
    scale: 'linear',
  },
} satisfies Record<string, FieldSpec>;

/**
 * A money input's slider range in a scenario whose currency has `rate` units per US dollar (its
 * stated rate from USD): the ranges above are in dollars, so a euro or yen slider covers the same
 * economic range. Display only: validation bounds are the same in every currency
 * (src/core/input-bounds.ts). Log sliders keep three significant digits at their ends; linear
 * ones get a round step (1, 2 or 5 times a power of ten) and ends on that step.
 *
 * @example scaleMoneySpec(SPECS.fteCostPerYear, 150) // { min: 7400000, max: 75000000, step: 200000, … }
 */
export function scaleMoneySpec(spec: FieldSpec, rate: number): FieldSpec {
  if (!spec.money || !Number.isFinite(rate) || rate <= 0 || rate === 1) return spec;
  if (spec.scale === 'log') {
    return { ...spec, min: roundTo(spec.min * rate, 3), max: roundTo(spec.max * rate, 3) };
  }
  const step = roundStep((spec.step ?? 1) * rate);
  return {
    ...spec,
    min: roundTo(Math.floor((spec.min * rate) / step) * step, 12),
    max: roundTo(Math.ceil((spec.max * rate) / step) * step, 12),
    step,
  };
}

/** `value` to `digits` significant digits, without float noise (0.15000000000000002 -> 0.15). */
function roundTo(value: number, digits: number): number {
  return Number(value.toPrecision(digits));
}

/** The nearest of 1, 2, 5 and 10 times a power of ten, on a log scale: 920 -> 1000, 150000 -> 200000. */
function roundStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(raw));
  const f = raw / power;
  const nice = f < 1.5 ? 1 : f < 3.5 ? 2 : f < 7.5 ? 5 : 10;
  return roundTo(nice * power, 12);
}
