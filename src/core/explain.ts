import { MILLION, ONE, sumDec } from './decimal';
import type { Dec } from './decimal';
import { hoursPerMonth } from './calendar';
import { apiPricePerM } from './api-cost';
import { routeLoad, routePeak } from './capacity';
import { fteAt } from './staff';
import { ownedGpuRunningPerMonth, perGpuMonth } from './gpu-cost';
import { computeStrategyRunRate } from './run-rate';
import { groupDigits } from './format-plain';
import type { Scenario, Strategy } from './model';

/**
 * "Show the math": every run-rate line of a strategy with its formula and the numbers that went
 * into it, so a reviewer can redo it by hand (DESIGN 3.2-3.4). Amounts are plain decimal strings.
 */
export type MathLine = {
  label: string;
  /** The formula in words and symbols. */
  formula: string;
  /** The same formula with the scenario's numbers substituted. */
  substituted: string;
  /** The exact result. */
  result: string;
  kind: 'money' | 'tokens' | 'count' | 'rate';
};

export type OptionMath = { optionId: string; optionName: string; lines: MathLine[]; total: string };

const n = (d: Dec, places = 4) =>
  groupDigits(d.toDecimalPlaces(places), Math.min(places, Math.max(0, d.decimalPlaces())));

export function explainStrategy(scenario: Scenario, strategy: Strategy): OptionMath[] {
  const runRate = computeStrategyRunRate(scenario, strategy);
  const { settings } = scenario;
  const hpm = hoursPerMonth(settings);
  const fteMonthly = settings.fteCostPerYear.div(12);
  return runRate.byOption.map((o) => {
    const lines: MathLine[] = [];
    const option = o.option;
    if (option.kind === 'api') {
      o.routes.forEach((r) => {
        const w = r.workload;
        const price = apiPricePerM(w, option, ONE);
        const tokensPerMonth = r.tokensPerDay.mul(settings.daysPerYear).div(12);
        lines.push({
          label: `${w.name}: tokens per month`,
          formula: 'tokens/day × days per year / 12',
          substituted: `${n(r.tokensPerDay, 10)} × ${n(settings.daysPerYear, 0)} / 12`,
          result: tokensPerMonth.toFixed(),
          kind: 'tokens',
        });
        lines.push({
          label: `${w.name}: effective price per 1M tokens`,
          formula:
            '(input share × (1 − cached) × input + input share × cached × cached price + (1 − input share) × output) × (1 − batch share × batch discount)',
          substituted: `(${n(w.inputShare)} × ${n(ONE.minus(w.cachedInputShare))} × ${n(option.inputPerM)} + ${n(w.inputShare)} × ${n(w.cachedInputShare)} × ${n(option.cachedInputPerM)} + ${n(ONE.minus(w.inputShare))} × ${n(option.outputPerM)}) × ${n(ONE.minus(w.batchShare.mul(option.batchDiscount)))}`,
          result: price.toFixed(),
          kind: 'money',
        });
        lines.push({
          label: `${w.name}: API usage`,
          formula: 'tokens per month / 1,000,000 × price per 1M',
          substituted: `${n(tokensPerMonth, 10)} / 1,000,000 × ${n(price, 10)}`,
          result: tokensPerMonth.div(MILLION).mul(price).toFixed(),
          kind: 'money',
        });
      });
      lines.push({
        label: 'Integration staff',
        formula: 'integration FTE × FTE cost per year / 12',
        substituted: `${n(option.integrationFte)} × ${n(settings.fteCostPerYear, 2)} / 12`,
        result: option.integrationFte.mul(fteMonthly).toFixed(),
        kind: 'money',
      });
    } else {
      const sizing = o.cost.sizing;
      o.routes.forEach((r) => {
        const w = r.workload;
        const x = routeLoad(r, option);
        lines.push({
          label: `${w.name}: average load (replicas busy)`,
          formula:
            'tokens/day × (input share / prefill tokens/s + (1 − input share) / decode tokens/s) / 86,400',
          substituted: `${n(r.tokensPerDay, 0)} × (${n(w.inputShare)} / ${n(option.prefillTokensPerSec)} + ${n(ONE.minus(w.inputShare))} / ${n(option.decodeTokensPerSec)}) / 86,400`,
          result: x.toFixed(),
          kind: 'rate',
        });
        lines.push({
          label: `${w.name}: peak load`,
          formula: 'peak-to-average × (1 − batch share) × average load',
          substituted: `${n(w.peakToAverage)} × ${n(ONE.minus(w.batchShare))} × ${n(x, 6)}`,
          result: routePeak(r, x).toFixed(),
          kind: 'rate',
        });
      });
      if (sizing) {
        const peak = sumDec(o.routes.map((r) => routePeak(r, routeLoad(r, option))));
        lines.push({
          label: 'Replicas',
          formula: 'max(minimum replicas, ceil(max(peak load, average load) / target utilization))',
          substituted: `max(${n(option.minReplicas, 0)}, ceil(max(${n(peak, 6)}, ${n(sizing.load, 6)}) / ${n(option.targetUtilization)}))`,
          result: sizing.replicas.toFixed(),
          kind: 'count',
        });
        lines.push({
          label: 'GPUs',
          formula: 'replicas × GPUs per replica',
          substituted: `${n(sizing.replicas, 0)} × ${n(option.gpusPerReplica, 0)}`,
          result: sizing.gpus.toFixed(),
          kind: 'count',
        });
        const gpu = option.gpu;
        const perGpu = perGpuMonth(gpu, hpm);
        const perGpuText =
          gpu.mode === 'hourly'
            ? {
                formula: 'GPUs × price per GPU-hour × hours per month',
                sub: `${n(sizing.gpus, 0)} × ${n(gpu.hourlyPerGpu)} × ${n(hpm, 0)}`,
              }
            : gpu.mode === 'monthly'
              ? {
                  formula: 'GPUs × price per GPU-month',
                  sub: `${n(sizing.gpus, 0)} × ${n(gpu.monthlyPerGpu, 2)}`,
                }
              : {
                  formula:
                    'GPUs × (purchase × (1 − residual) / amortization months + kW × PUE × hours × price per kWh + hosting)',
                  sub: `${n(sizing.gpus, 0)} × (${n(gpu.purchasePerGpu, 2)} × ${n(ONE.minus(gpu.residualShare))} / ${n(gpu.amortizationMonths, 0)} + ${n(ownedGpuRunningPerMonth(gpu, hpm).minus(gpu.hostingPerGpuMonth), 4)} + ${n(gpu.hostingPerGpuMonth, 2)})`,
                };
        lines.push({
          label: 'GPU cost',
          formula: perGpuText.formula,
          substituted: perGpuText.sub,
          result: sizing.gpus.mul(perGpu).toFixed(),
          kind: 'money',
        });
        lines.push({
          label: 'Storage',
          formula: 'fixed + per GPU × GPUs',
          substituted: `${n(option.storagePerMonth, 2)} + ${n(option.storagePerGpuMonth, 2)} × ${n(sizing.gpus, 0)}`,
          result: o.cost.parts.storage.toFixed(),
          kind: 'money',
        });
        lines.push({
          label: 'Monitoring',
          formula: 'fixed + per GPU × GPUs',
          substituted: `${n(option.monitoringPerMonth, 2)} + ${n(option.monitoringPerGpuMonth, 2)} × ${n(sizing.gpus, 0)}`,
          result: o.cost.parts.monitoring.toFixed(),
          kind: 'money',
        });
        const fte = fteAt(option.engineeringFte, o.tokensPerDay);
        lines.push({
          label: 'Engineering staff',
          formula: 'FTE of the tier for the served tokens/day × FTE cost per year / 12',
          substituted: `${n(fte)} (tier for ${n(o.tokensPerDay, 0)} tokens/day) × ${n(settings.fteCostPerYear, 2)} / 12`,
          result: o.cost.parts.engineering.toFixed(),
          kind: 'money',
        });
        lines.push({
          label: 'Utilization',
          formula: 'average load / replicas',
          substituted: `${n(sizing.load, 6)} / ${n(sizing.replicas, 0)}`,
          result: sizing.replicas.isZero() ? '0' : sizing.load.div(sizing.replicas).toFixed(),
          kind: 'rate',
        });
      }
    }
    if (!option.fineTuningPerMonth.isZero()) {
      lines.push({
        label: 'Fine-tuning',
        formula: 'fine-tuning per month',
        substituted: n(option.fineTuningPerMonth, 2),
        result: option.fineTuningPerMonth.toFixed(),
        kind: 'money',
      });
    }
    return { optionId: option.id, optionName: option.name, lines, total: o.total.toFixed() };
  });
}
