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
  return readModel(doc, (_part, make) => make());
}

/**
 * `modelFromDocument` for a document edited step by step (the calculator's): a workload, option,
 * route or the settings that an edit left as the same object in the document come back as the
 * same model object, so an evaluation cache (src/core/evaluation-cache.ts) recognises what did
 * not change. Documents are never changed in place (every edit copies the path it changes).
 */
export function createModelReader(): (doc: ScenarioDoc) => Scenario {
  const models = new WeakMap<object, unknown>();
  const keep = <T>(part: object, make: () => T): T => {
    if (models.has(part)) return models.get(part) as T;
    const model = make();
    models.set(part, model);
    return model;
  };
  return (doc) => readModel(doc, keep);
}

type Keep = <T>(part: object, make: () => T) => T;

function readModel(doc: ScenarioDoc, keep: Keep): Scenario {
  const d = (value: string) => new Dec(value);
  const { settings } = doc;
  return {
    name: doc.name,
    currency: doc.currency,
    settings: keep(settings, () => ({
      daysPerYear: d(settings.daysPerYear),
      fteCostPerYear: d(settings.fteCostPerYear),
      horizonMonths: Number(settings.horizonMonths),
      discountRatePerYear: d(settings.discountRatePerYear),
    })),
    workloads: doc.workloads.map((w) =>
      keep(w, () => ({
        id: w.id,
        name: w.name,
        tokensPerDay: d(w.tokensPerDay),
        inputShare: d(w.inputShare),
        cachedInputShare: d(w.cachedInputShare),
        batchShare: d(w.batchShare),
        peakToAverage: d(w.peakToAverage),
        growthPerMonth: d(w.growthPerMonth),
      })),
    ),
    options: doc.options.map((o) => keep(o, () => optionModel(o))),
    strategies: doc.strategies.map((s) =>
      keep(s, () => ({
        id: s.id,
        name: s.name,
        routes: s.routes.map((r) =>
          keep(r, () => ({
            workloadId: r.workloadId,
            optionId: r.optionId,
            share: d(r.share),
          })),
        ),
      })),
    ),
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
