import * as v from 'valibot';

/**
 * The shape of every catalog entry, checked by the test suite (test/scenario/catalog.test.ts):
 * a malformed edit of a catalog file fails CI. Kept apart from catalog.ts so the app does not
 * ship schemas it never runs.
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
