import { toPlain } from '../core/decimal';
import type { ParsedScenario } from './scenario-schema';

/**
 * A scenario as the app holds it: the v1 format with every optional field filled in and every
 * number as a plain decimal string (DESIGN section 2: decimal strings in state). A document is
 * itself valid scenario input, so it can be validated again after each edit, saved, or shared.
 */
export type WorkloadDoc = {
  id: string;
  name: string;
  tokensPerDay: string;
  inputShare: string;
  cachedInputShare: string;
  batchShare: string;
  peakToAverage: string;
  growthPerMonth: string;
};

export type ApiOptionDoc = {
  kind: 'api';
  id: string;
  name: string;
  inputPerM: string;
  outputPerM: string;
  cachedInputPerM: string;
  batchDiscount: string;
  priceChangePerYear: string;
  integrationFte: string;
  fineTuningOneTime: string;
  fineTuningPerMonth: string;
};

export type GpuDoc =
  | { mode: 'hourly'; name: string; hourlyPerGpu: string }
  | { mode: 'monthly'; name: string; monthlyPerGpu: string }
  | {
      mode: 'buy';
      name: string;
      purchasePerGpu: string;
      amortizationMonths: string;
      residualShare: string;
      powerKwPerGpu: string;
      pue: string;
      pricePerKwh: string;
      hostingPerGpuMonth: string;
    };

export type SelfHostOptionDoc = {
  kind: 'selfHost';
  id: string;
  name: string;
  gpu: GpuDoc;
  gpusPerReplica: string;
  prefillTokensPerSec: string;
  decodeTokensPerSec: string;
  targetUtilization: string;
  minReplicas: string;
  storagePerMonth: string;
  storagePerGpuMonth: string;
  monitoringPerMonth: string;
  monitoringPerGpuMonth: string;
  engineeringFte: { fromTokensPerDay: string; fte: string }[];
  fineTuningOneTime: string;
  fineTuningPerMonth: string;
};

export type OptionDoc = ApiOptionDoc | SelfHostOptionDoc;

export type StrategyDoc = {
  id: string;
  name: string;
  routes: { workloadId: string; optionId: string; share: string }[];
};

/** A range of one input for the uncertainty analysis; `input` is an input reference's text form. */
export type UncertaintyRangeDoc = { input: string; low: string; likely: string; high: string };

export type UncertaintyDoc = {
  /** An unsigned 32-bit integer, as decimal text. */
  seed: string;
  samples: string;
  ranges: UncertaintyRangeDoc[];
};

/** The `analysis` section (analysis-schema.ts); `strategyId` left out means the second strategy. */
export type AnalysisDoc = {
  strategyId?: string;
  swing: string;
  uncertainty?: UncertaintyDoc;
};

/** The `fx` section (currency-schema.ts): units of the scenario currency per 1 USD. */
export type FxDoc = { rateFromUsd: string; asOf: string; source: string };

export type ScenarioDoc = {
  format: 'llm-tco-scenario';
  version: 1;
  name: string;
  currency: string;
  /** Only in a scenario whose currency is not USD, and only when the user stated a rate. */
  fx?: FxDoc;
  settings: {
    daysPerYear: '365' | '360';
    fteCostPerYear: string;
    horizonMonths: string;
    discountRatePerYear: string;
  };
  workloads: WorkloadDoc[];
  options: OptionDoc[];
  strategies: StrategyDoc[];
  /** Left out when the scenario never had one: old documents read exactly as before. */
  analysis?: AnalysisDoc;
};

type DecLike = Parameters<typeof toPlain>[0];
const s = (d: DecLike) => toPlain(d);

/**
 * The document form of a validated scenario, defaults filled in. The optional sections (`fx`,
 * `analysis`) appear only when the input had them, so a document without them stays as it was.
 */
export function toDocument(p: ParsedScenario): ScenarioDoc {
  const doc: ScenarioDoc = {
    format: 'llm-tco-scenario',
    version: 1,
    name: p.name,
    currency: p.currency,
    ...(p.fx ? { fx: fxDocument(p.fx) } : {}),
    settings: {
      daysPerYear: String(p.settings.daysPerYear) === '360' ? '360' : '365',
      fteCostPerYear: s(p.settings.fteCostPerYear),
      horizonMonths: s(p.settings.horizonMonths),
      discountRatePerYear: s(p.settings.discountRatePerYear),
    },
    workloads: p.workloads.map((w) => ({
      id: w.id,
      name: w.name ?? w.id,
      tokensPerDay: s(w.tokensPerDay),
      inputShare: s(w.inputShare),
      cachedInputShare: s(w.cachedInputShare),
      batchShare: s(w.batchShare),
      peakToAverage: s(w.peakToAverage),
      growthPerMonth: s(w.growthPerMonth),
    })),
    options: p.options.map((o): OptionDoc => {
      if (o.kind === 'api') {
        return {
          kind: 'api',
          id: o.id,
          name: o.name ?? o.id,
          inputPerM: s(o.inputPerM),
          outputPerM: s(o.outputPerM),
          cachedInputPerM: s(o.cachedInputPerM ?? o.inputPerM),
          batchDiscount: s(o.batchDiscount),
          priceChangePerYear: s(o.priceChangePerYear),
          integrationFte: s(o.integrationFte),
          fineTuningOneTime: s(o.fineTuningOneTime),
          fineTuningPerMonth: s(o.fineTuningPerMonth),
        };
      }
      const g = o.gpu;
      const gpu: GpuDoc =
        g.mode === 'hourly'
          ? { mode: 'hourly', name: g.name, hourlyPerGpu: s(g.hourlyPerGpu) }
          : g.mode === 'monthly'
            ? { mode: 'monthly', name: g.name, monthlyPerGpu: s(g.monthlyPerGpu) }
            : {
                mode: 'buy',
                name: g.name,
                purchasePerGpu: s(g.purchasePerGpu),
                amortizationMonths: s(g.amortizationMonths),
                residualShare: s(g.residualShare),
                powerKwPerGpu: s(g.powerKwPerGpu),
                pue: s(g.pue),
                pricePerKwh: s(g.pricePerKwh),
                hostingPerGpuMonth: s(g.hostingPerGpuMonth),
              };
      return {
        kind: 'selfHost',
        id: o.id,
        name: o.name ?? o.id,
        gpu,
        gpusPerReplica: s(o.gpusPerReplica),
        prefillTokensPerSec: s(o.prefillTokensPerSec),
        decodeTokensPerSec: s(o.decodeTokensPerSec),
        targetUtilization: s(o.targetUtilization),
        minReplicas: s(o.minReplicas),
        storagePerMonth: s(o.storagePerMonth),
        storagePerGpuMonth: s(o.storagePerGpuMonth),
        monitoringPerMonth: s(o.monitoringPerMonth),
        monitoringPerGpuMonth: s(o.monitoringPerGpuMonth),
        engineeringFte: o.engineeringFte.map((t) => ({
          fromTokensPerDay: s(t.fromTokensPerDay),
          fte: s(t.fte),
        })),
        fineTuningOneTime: s(o.fineTuningOneTime),
        fineTuningPerMonth: s(o.fineTuningPerMonth),
      };
    }),
    strategies: p.strategies.map((st) => ({
      id: st.id,
      name: st.name ?? st.id,
      routes: st.routes.map((r) => ({
        workloadId: r.workloadId,
        optionId: r.optionId,
        share: s(r.share),
      })),
    })),
  };
  if (p.analysis) doc.analysis = analysisDocument(p.analysis);
  return doc;
}

function fxDocument(fx: NonNullable<ParsedScenario['fx']>): FxDoc {
  return { rateFromUsd: s(fx.rateFromUsd), asOf: fx.asOf, source: fx.source };
}

function analysisDocument(a: NonNullable<ParsedScenario['analysis']>): AnalysisDoc {
  const out: AnalysisDoc = {
    ...(a.strategyId !== undefined ? { strategyId: a.strategyId } : {}),
    swing: s(a.swing),
  };
  const u = a.uncertainty;
  if (u) {
    out.uncertainty = {
      seed: s(u.seed),
      samples: s(u.samples),
      ranges: u.ranges.map((r) => ({
        input: r.input,
        low: s(r.low),
        likely: s(r.likely),
        high: s(r.high),
      })),
    };
  }
  return out;
}
