import { Dec } from '../core/decimal';
import type { GpuPricing, Option, Scenario } from '../core/model';
import type { GpuDoc, OptionDoc, ScenarioDoc } from './document';

/**
 * The core model of a document that has already been validated (or is a built-in, test-checked
 * document such as the default preset): every value parsed, nothing checked. The first screen
 * evaluates the default scenario through this, so the validation code (valibot and the schema)
 * is not part of the first download; anything from outside (a link, a file, an edit) is still
 * validated before it becomes the valid document. Equal to `validateScenario(doc).scenario` for
 * every valid canonical document (a property test says so).
 */
export function modelFromDocument(doc: ScenarioDoc): Scenario {
  const d = (value: string) => new Dec(value);
  return {
    name: doc.name,
    currency: doc.currency,
    settings: {
      daysPerYear: d(doc.settings.daysPerYear),
      fteCostPerYear: d(doc.settings.fteCostPerYear),
      horizonMonths: Number(doc.settings.horizonMonths),
      discountRatePerYear: d(doc.settings.discountRatePerYear),
    },
    workloads: doc.workloads.map((w) => ({
      id: w.id,
      name: w.name,
      tokensPerDay: d(w.tokensPerDay),
      inputShare: d(w.inputShare),
      cachedInputShare: d(w.cachedInputShare),
      batchShare: d(w.batchShare),
      peakToAverage: d(w.peakToAverage),
      growthPerMonth: d(w.growthPerMonth),
    })),
    options: doc.options.map(optionModel),
    strategies: doc.strategies.map((s) => ({
      id: s.id,
      name: s.name,
      routes: s.routes.map((r) => ({
        workloadId: r.workloadId,
        optionId: r.optionId,
        share: d(r.share),
      })),
    })),
  };
}

function optionModel(o: OptionDoc): Option {
  const d = (value: string) => new Dec(value);
  if (o.kind === 'api') {
    return {
      kind: 'api',
      id: o.id,
      name: o.name,
      inputPerM: d(o.inputPerM),
      outputPerM: d(o.outputPerM),
      cachedInputPerM: d(o.cachedInputPerM),
      batchDiscount: d(o.batchDiscount),
      priceChangePerYear: d(o.priceChangePerYear),
      integrationFte: d(o.integrationFte),
      fineTuningOneTime: d(o.fineTuningOneTime),
      fineTuningPerMonth: d(o.fineTuningPerMonth),
    };
  }
  return {
    kind: 'selfHost',
    id: o.id,
    name: o.name,
    gpu: gpuModel(o.gpu),
    gpusPerReplica: d(o.gpusPerReplica),
    prefillTokensPerSec: d(o.prefillTokensPerSec),
    decodeTokensPerSec: d(o.decodeTokensPerSec),
    targetUtilization: d(o.targetUtilization),
    minReplicas: d(o.minReplicas),
    storagePerMonth: d(o.storagePerMonth),
    storagePerGpuMonth: d(o.storagePerGpuMonth),
    monitoringPerMonth: d(o.monitoringPerMonth),
    monitoringPerGpuMonth: d(o.monitoringPerGpuMonth),
    engineeringFte: o.engineeringFte.map((t) => ({
      fromTokensPerDay: d(t.fromTokensPerDay),
      fte: d(t.fte),
    })),
    fineTuningOneTime: d(o.fineTuningOneTime),
    fineTuningPerMonth: d(o.fineTuningPerMonth),
  };
}

function gpuModel(g: GpuDoc): GpuPricing {
  const d = (value: string) => new Dec(value);
  if (g.mode === 'hourly') return { mode: 'hourly', name: g.name, hourlyPerGpu: d(g.hourlyPerGpu) };
  if (g.mode === 'monthly') {
    return { mode: 'monthly', name: g.name, monthlyPerGpu: d(g.monthlyPerGpu) };
  }
  return {
    mode: 'buy',
    name: g.name,
    purchasePerGpu: d(g.purchasePerGpu),
    amortizationMonths: d(g.amortizationMonths),
    residualShare: d(g.residualShare),
    powerKwPerGpu: d(g.powerKwPerGpu),
    pue: d(g.pue),
    pricePerKwh: d(g.pricePerKwh),
    hostingPerGpuMonth: d(g.hostingPerGpuMonth),
  };
}
