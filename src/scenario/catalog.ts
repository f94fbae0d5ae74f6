import * as v from 'valibot';

/**
 * The catalogs the app ships (API prices, GPUs, self-hosting profiles): data files in this
 * folder, each entry with its source and as-of date. How they were built is in docs/catalog.md.
 * The schemas below are checked by the test suite, so a malformed edit fails CI. The data is
 * loaded on demand (`loadCatalog`): the headline numbers do not need it, and it is a fifth of
 * the first download otherwise.
 */

const decimalText = v.pipe(v.string(), v.regex(/^\d+(\.\d+)?$/, 'a plain decimal string'));
const sourced = {
  source: v.pipe(v.string(), v.minLength(3)),
  asOf: v.pipe(v.string(), v.regex(/^\d{4}-\d{2}(-\d{2})?$/)),
};
const catalogId = v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9.-]{0,63}$/));

export const apiModelSchema = v.object({
  id: catalogId,
  name: v.string(),
  provider: v.string(),
  openWeights: v.boolean(),
  inputPerM: decimalText,
  outputPerM: decimalText,
  cachedInputPerM: v.nullable(decimalText),
  batchDiscount: v.nullable(decimalText),
  ...sourced,
  referenceKey: v.string(),
  notes: v.optional(v.string()),
  published: v.optional(
    v.array(
      v.object({
        sourceId: v.string(),
        inputPerM: decimalText,
        outputPerM: decimalText,
        note: v.string(),
      }),
    ),
  ),
});

const priceQuote = v.object({
  value: decimalText,
  provider: v.string(),
  offering: v.string(),
  ...sourced,
  note: v.string(),
});

export const gpuSchema = v.object({
  id: catalogId,
  name: v.string(),
  memoryGb: v.number(),
  powerKwPerGpu: decimalText,
  powerNote: v.string(),
  powerSource: v.string(),
  powerAsOf: v.string(),
  onDemandHourly: priceQuote,
  committedHourly: v.nullable(priceQuote),
  purchasePerGpu: v.nullable(v.object({ value: decimalText, ...sourced, note: v.string() })),
  alternatives: v.array(v.object({ label: v.string(), hourlyPerGpu: decimalText, ...sourced })),
});

export const profileSchema = v.object({
  id: catalogId,
  model: v.string(),
  gpuId: catalogId,
  gpusPerReplica: v.pipe(v.number(), v.integer(), v.minValue(1)),
  precision: v.string(),
  engine: v.string(),
  prefillTokensPerSec: decimalText,
  decodeTokensPerSec: decimalText,
  latency: v.string(),
  maxThroughput: v.boolean(),
  benchmark: v.string(),
  derivation: v.string(),
  ...sourced,
  apiModelId: v.nullable(catalogId),
  notes: v.optional(v.string()),
});

export type ApiModelEntry = v.InferOutput<typeof apiModelSchema>;
export type GpuEntry = v.InferOutput<typeof gpuSchema>;
export type ProfileEntry = v.InferOutput<typeof profileSchema>;

export type Catalog = {
  apiModels: readonly ApiModelEntry[];
  gpus: readonly GpuEntry[];
  profiles: readonly ProfileEntry[];
  findApiModel: (id: string) => ApiModelEntry | undefined;
  findGpu: (id: string) => GpuEntry | undefined;
  findProfile: (id: string) => ProfileEntry | undefined;
};

let loading: Promise<Catalog> | null = null;

/** Loads the catalogs once (a separate chunk in the build). */
export function loadCatalog(): Promise<Catalog> {
  loading ??= Promise.all([
    import('./catalog/api-models.json'),
    import('./catalog/gpus.json'),
    import('./catalog/self-host-profiles.json'),
  ]).then(([api, gpus, profiles]) => {
    const apiModels = api.default.models as ApiModelEntry[];
    const gpuList = gpus.default.gpus as GpuEntry[];
    const profileList = profiles.default.profiles as ProfileEntry[];
    return {
      apiModels,
      gpus: gpuList,
      profiles: profileList,
      findApiModel: (id) => apiModels.find((m) => m.id === id),
      findGpu: (id) => gpuList.find((g) => g.id === id),
      findProfile: (id) => profileList.find((p) => p.id === id),
    };
  });
  return loading;
}
