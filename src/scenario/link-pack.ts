import type { AnalysisDoc, FxDoc, GpuDoc, OptionDoc, ScenarioDoc, WorkloadDoc } from './document';
import { ANALYSIS_DEFAULTS } from './analysis-schema';
import type { CatalogRef } from './presets';

/**
 * The compact form of a scenario inside a share link (link format 1). Short keys, fields equal
 * to the format's defaults left out, routes by position instead of id, and numbers as JSON
 * numbers where that is exact. The keys below are released: never rename or reuse one (STYLE
 * pitfall 13); a new field gets a new key, a changed meaning gets a new link version.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Packed = { [key: string]: Json };

const WORKLOAD_KEYS = {
  tokensPerDay: 't',
  inputShare: 's',
  cachedInputShare: 'c',
  batchShare: 'b',
  peakToAverage: 'p',
  growthPerMonth: 'g',
} as const;
const WORKLOAD_DEFAULTS: Partial<Record<keyof typeof WORKLOAD_KEYS, string>> = {
  cachedInputShare: '0',
  batchShare: '0',
  peakToAverage: '1',
  growthPerMonth: '0',
};

const API_KEYS = {
  inputPerM: 'ip',
  outputPerM: 'op',
  cachedInputPerM: 'cp',
  batchDiscount: 'bd',
  priceChangePerYear: 'pc',
  integrationFte: 'if',
  fineTuningOneTime: 'fo',
  fineTuningPerMonth: 'fm',
} as const;
const API_DEFAULTS: Partial<Record<keyof typeof API_KEYS, string>> = {
  batchDiscount: '0',
  priceChangePerYear: '0',
  integrationFte: '0',
  fineTuningOneTime: '0',
  fineTuningPerMonth: '0',
};

const SELF_KEYS = {
  gpusPerReplica: 'gr',
  prefillTokensPerSec: 'pf',
  decodeTokensPerSec: 'dc',
  targetUtilization: 'u',
  minReplicas: 'mr',
  storagePerMonth: 'st',
  storagePerGpuMonth: 'sg',
  monitoringPerMonth: 'mn',
  monitoringPerGpuMonth: 'mg',
  fineTuningOneTime: 'fo',
  fineTuningPerMonth: 'fm',
} as const;
const SELF_DEFAULTS: Partial<Record<keyof typeof SELF_KEYS, string>> = {
  gpusPerReplica: '1',
  targetUtilization: '1',
  minReplicas: '1',
  storagePerMonth: '0',
  storagePerGpuMonth: '0',
  monitoringPerMonth: '0',
  monitoringPerGpuMonth: '0',
  fineTuningOneTime: '0',
  fineTuningPerMonth: '0',
};

const GPU_KEYS = {
  hourlyPerGpu: 'h',
  monthlyPerGpu: 'mo',
  purchasePerGpu: 'pp',
  amortizationMonths: 'am',
  residualShare: 'rs',
  powerKwPerGpu: 'kw',
  pue: 'pu',
  pricePerKwh: 'e',
  hostingPerGpuMonth: 'ho',
} as const;
const GPU_DEFAULTS: Partial<Record<keyof typeof GPU_KEYS, string>> = {
  residualShare: '0',
  powerKwPerGpu: '0',
  pue: '1',
  pricePerKwh: '0',
  hostingPerGpuMonth: '0',
};
const GPU_MODES = { hourly: 'h', monthly: 'm', buy: 'b' } as const;

const SETTINGS_KEYS = {
  daysPerYear: 'd',
  fteCostPerYear: 'f',
  horizonMonths: 'h',
  discountRatePerYear: 'r',
} as const;
const SETTINGS_DEFAULTS: Record<keyof typeof SETTINGS_KEYS, string> = {
  daysPerYear: '365',
  fteCostPerYear: '240000',
  horizonMonths: '36',
  discountRatePerYear: '0.08',
};

/**
 * Top level: `f` the fx section, `a` the analysis section (both added in issue 6, each left out
 * when the document has none, so older links and documents are unchanged).
 * Inside `f`: `r` rateFromUsd, `d` asOf, `s` source.
 * Inside `a`: `s` the strategy analysed (its position among the strategies, like routes),
 * `w` swing (left out at its default 0.2), `u` uncertainty; inside `u`: `d` seed, `n` samples
 * (left out at 10,000), `r` ranges as `[input, low, likely, high]`.
 */
const FX_KEYS = { rateFromUsd: 'r', asOf: 'd', source: 's' } as const;

/** A decimal string as a JSON number when that is exact, else as the string. */
function num(text: string): Json {
  const n = Number(text);
  return Number.isFinite(n) && String(n) === text ? n : text;
}

function packFields<K extends string>(
  source: Record<K, string>,
  keys: Record<K, string>,
  defaults: Partial<Record<K, string>>,
  into: Packed,
): Packed {
  for (const field of Object.keys(keys) as K[]) {
    const value = source[field];
    if (value === undefined || value === defaults[field]) continue;
    into[keys[field]] = num(value);
  }
  return into;
}

function unpackFields<K extends string>(
  packed: Packed,
  keys: Record<K, string>,
  into: Record<string, unknown>,
): Record<string, unknown> {
  for (const field of Object.keys(keys) as K[]) {
    const value = packed[keys[field]];
    if (value !== undefined) into[field] = value;
  }
  return into;
}

/** Names are kept only when they differ from the id (the format's default). */
function named(into: Packed, id: string, name: string): Packed {
  into.i = id;
  if (name !== id) into.n = name;
  return into;
}

const GPU_PRICES = ['onDemandHourly', 'committedHourly', 'purchasePerGpu'] as const;
const CATALOG_ID = /^[a-z0-9][a-z0-9.-]{0,63}$/;

/**
 * Which catalog entries the options' numbers came from (key `x`: option position ->
 * [API model, profile, GPU, GPU price basis], 0 for none), so a shared scenario keeps showing
 * each number's source. Only provenance: the numbers themselves are always in the link.
 */
function packCatalogRefs(
  doc: ScenarioDoc,
  refs: Readonly<Record<string, CatalogRef>>,
): Packed | null {
  const out: Packed = {};
  doc.options.forEach((o, i) => {
    const r = refs[o.id];
    if (!r) return;
    const price = r.gpuPrice ? GPU_PRICES.indexOf(r.gpuPrice) + 1 : 0;
    out[String(i)] = [r.apiModelId ?? 0, r.profileId ?? 0, r.gpuId ?? 0, price];
  });
  return Object.keys(out).length > 0 ? out : null;
}

/** The catalog references of a packed scenario; anything malformed is dropped. */
export function unpackCatalogRefs(packed: unknown, doc: ScenarioDoc): Record<string, CatalogRef> {
  const refs: Record<string, CatalogRef> = {};
  if (!isObject(packed) || !isObject(packed.x)) return refs;
  const id = (v: unknown) => (typeof v === 'string' && CATALOG_ID.test(v) ? v : undefined);
  for (const [index, value] of Object.entries(packed.x)) {
    const option = doc.options[Number(index)];
    if (!option || !Array.isArray(value)) continue;
    const ref: CatalogRef = {};
    const [api, profile, gpu, price] = value;
    if (id(api)) ref.apiModelId = id(api) as string;
    if (id(profile)) ref.profileId = id(profile) as string;
    if (id(gpu)) ref.gpuId = id(gpu) as string;
    const basis = typeof price === 'number' ? GPU_PRICES[price - 1] : undefined;
    if (basis) ref.gpuPrice = basis;
    if (Object.keys(ref).length > 0) refs[option.id] = ref;
  }
  return refs;
}

export function packScenario(
  doc: ScenarioDoc,
  catalogRefs: Readonly<Record<string, CatalogRef>> = {},
): Packed {
  const packed: Packed = {};
  if (doc.name !== 'Untitled scenario') packed.n = doc.name;
  if (doc.currency !== 'USD') packed.c = doc.currency;
  if (doc.fx) packed.f = packFx(doc.fx);
  const settings = packFields(doc.settings, SETTINGS_KEYS, SETTINGS_DEFAULTS, {});
  if (Object.keys(settings).length > 0) packed.s = settings;
  packed.w = doc.workloads.map((w: WorkloadDoc) =>
    packFields(w, WORKLOAD_KEYS, WORKLOAD_DEFAULTS, named({}, w.id, w.name)),
  );
  packed.o = doc.options.map((o: OptionDoc): Packed => {
    if (o.kind === 'api') {
      const out = packFields(o, API_KEYS, API_DEFAULTS, named({ k: 'a' }, o.id, o.name));
      if (o.cachedInputPerM === o.inputPerM) delete out.cp;
      return out;
    }
    const out = packFields(o, SELF_KEYS, SELF_DEFAULTS, named({ k: 's' }, o.id, o.name));
    out.g = packGpu(o.gpu);
    const tiers = o.engineeringFte;
    if (!(tiers.length === 1 && tiers[0]?.fromTokensPerDay === '0' && tiers[0].fte === '0')) {
      out.ef = tiers.map((t) => [num(t.fromTokensPerDay), num(t.fte)]);
    }
    return out;
  });
  const workloadIndex = new Map(doc.workloads.map((w, i) => [w.id, i]));
  const optionIndex = new Map(doc.options.map((o, i) => [o.id, i]));
  const refs = packCatalogRefs(doc, catalogRefs);
  if (refs) packed.x = refs;
  packed.t = doc.strategies.map((s) =>
    named(
      {
        r: s.routes.map((r) => [
          workloadIndex.get(r.workloadId) ?? -1,
          optionIndex.get(r.optionId) ?? -1,
          num(r.share),
        ]),
      },
      s.id,
      s.name,
    ),
  );
  if (doc.analysis) packed.a = packAnalysis(doc.analysis, doc);
  return packed;
}

function packFx(fx: FxDoc): Packed {
  return {
    [FX_KEYS.rateFromUsd]: num(fx.rateFromUsd),
    [FX_KEYS.asOf]: fx.asOf,
    [FX_KEYS.source]: fx.source,
  };
}

function packAnalysis(a: AnalysisDoc, doc: ScenarioDoc): Packed {
  const out: Packed = {};
  if (a.strategyId !== undefined) {
    const index = doc.strategies.findIndex((s) => s.id === a.strategyId);
    out.s = index >= 0 ? index : a.strategyId;
  }
  if (a.swing !== ANALYSIS_DEFAULTS.swing) out.w = num(a.swing);
  const u = a.uncertainty;
  if (u) {
    const packedU: Packed = { d: num(u.seed) };
    if (u.samples !== ANALYSIS_DEFAULTS.samples) packedU.n = num(u.samples);
    if (u.ranges.length > 0) {
      packedU.r = u.ranges.map((r) => [r.input, num(r.low), num(r.likely), num(r.high)]);
    }
    out.u = packedU;
  }
  return out;
}

function packGpu(gpu: GpuDoc): Packed {
  const out: Packed = { m: GPU_MODES[gpu.mode] };
  if (gpu.name !== 'GPU') out.n = gpu.name;
  return packFields(
    gpu as unknown as Record<keyof typeof GPU_KEYS, string>,
    GPU_KEYS,
    GPU_DEFAULTS,
    out,
  );
}

const isObject = (v: unknown): v is Packed =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/**
 * Back to scenario input (v1 field names). Anything malformed is passed through as found, so the
 * scenario validation names the field that is wrong; nothing here throws.
 */
export function unpackScenario(packed: unknown): unknown {
  if (!isObject(packed)) return packed;
  const workloads = list(packed.w).map((w) => {
    if (!isObject(w)) return w;
    return unpackFields(w, WORKLOAD_KEYS, withName({ id: w.i }, w));
  });
  const options = list(packed.o).map((o) => {
    if (!isObject(o)) return o;
    if (o.k === 'a') {
      const out = unpackFields(o, API_KEYS, withName({ kind: 'api', id: o.i }, o));
      return out;
    }
    const out = unpackFields(
      o,
      SELF_KEYS,
      withName({ kind: o.k === 's' ? 'selfHost' : o.k, id: o.i }, o),
    );
    const g = o.g;
    if (isObject(g)) {
      const mode = (Object.keys(GPU_MODES) as (keyof typeof GPU_MODES)[]).find(
        (m) => GPU_MODES[m] === g.m,
      );
      const gpu: Record<string, unknown> = { mode: mode ?? g.m };
      if (g.n !== undefined) gpu.name = g.n;
      out.gpu = unpackFields(g, GPU_KEYS, gpu);
    } else {
      out.gpu = g;
    }
    if (o.ef !== undefined) {
      out.engineeringFte = list(o.ef).map((t) =>
        Array.isArray(t) ? { fromTokensPerDay: t[0], fte: t[1] } : t,
      );
    }
    return out;
  });
  const idAt = (items: unknown[], index: unknown) => {
    const item = typeof index === 'number' ? items[index] : undefined;
    return isObject(item) && typeof item.id === 'string' ? item.id : `#${String(index)}`;
  };
  const strategies = list(packed.t).map((s) => {
    if (!isObject(s)) return s;
    return withName(
      {
        id: s.i,
        routes: list(s.r).map((r) =>
          Array.isArray(r)
            ? {
                workloadId: idAt(workloads as unknown[], r[0]),
                optionId: idAt(options as unknown[], r[1]),
                share: r[2],
              }
            : r,
        ),
      },
      s,
    );
  });
  // Missing lists stay missing, so validation reports them instead of accepting an empty scenario.
  const scenario: Record<string, unknown> = {
    format: 'llm-tco-scenario',
    version: 1,
    workloads: Array.isArray(packed.w) ? workloads : packed.w,
    options: Array.isArray(packed.o) ? options : packed.o,
    strategies: Array.isArray(packed.t) ? strategies : packed.t,
  };
  if (packed.n !== undefined) scenario.name = packed.n;
  if (packed.c !== undefined) scenario.currency = packed.c;
  if (isObject(packed.s)) scenario.settings = unpackFields(packed.s, SETTINGS_KEYS, {});
  if (packed.f !== undefined) {
    scenario.fx = isObject(packed.f) ? unpackFields(packed.f, FX_KEYS, {}) : packed.f;
  }
  if (packed.a !== undefined) {
    scenario.analysis = isObject(packed.a)
      ? unpackAnalysis(packed.a, strategies as unknown[])
      : packed.a;
  }
  return scenario;
}

/** The analysis section back to v1 field names; malformed parts pass through for validation. */
function unpackAnalysis(a: Packed, strategies: unknown[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (a.s !== undefined) {
    if (typeof a.s === 'number') {
      const item = strategies[a.s];
      out.strategyId = isObject(item) && typeof item.id === 'string' ? item.id : `#${a.s}`;
    } else {
      out.strategyId = a.s;
    }
  }
  if (a.w !== undefined) out.swing = a.w;
  const u = a.u;
  if (isObject(u)) {
    const uncertainty: Record<string, unknown> = {};
    if (u.d !== undefined) uncertainty.seed = u.d;
    if (u.n !== undefined) uncertainty.samples = u.n;
    if (u.r !== undefined) {
      uncertainty.ranges = Array.isArray(u.r)
        ? u.r.map((r) =>
            Array.isArray(r) ? { input: r[0], low: r[1], likely: r[2], high: r[3] } : r,
          )
        : u.r;
    }
    out.uncertainty = uncertainty;
  } else if (u !== undefined) {
    out.uncertainty = u;
  }
  return out;
}

function withName(into: Record<string, unknown>, packed: Packed): Record<string, unknown> {
  if (packed.n !== undefined) into.name = packed.n;
  return into;
}
