import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { loadCatalog } from '../../src/scenario/catalog';
import { apiModelSchema, gpuSchema, profileSchema } from '../../src/scenario/catalog-schema';
import claims from '../../src/scenario/catalog/published-claims.json';

const catalog = await loadCatalog();
const { apiModels: API_MODELS, gpus: GPUS, profiles: PROFILES, findApiModel, findGpu } = catalog;

const REQUIRED_API = [
  'gpt-5',
  'gpt-5-mini',
  'gpt-4o',
  'gpt-4o-mini',
  'claude-sonnet-4.5',
  'claude-haiku-4.5',
  'gemini-2.5-pro',
  'gemini-2.5-flash',
  'gemini-3-pro',
  'mistral-medium-3.1',
  'deepseek-r1',
];
const REQUIRED_GPUS = ['h100-sxm', 'h200', 'b200', 'a100-80gb', 'l40s', 'l4', 'rtx-4090'];

describe('catalogs', () => {
  it.each([
    ['API models', API_MODELS, apiModelSchema],
    ['GPUs', GPUS, gpuSchema],
    ['self-hosting profiles', PROFILES, profileSchema],
  ] as const)('every %s entry is well formed, sourced and dated', (_, entries, schema) => {
    expect(entries.length).toBeGreaterThan(5);
    for (const entry of entries) {
      const parsed = v.safeParse(schema, entry);
      expect(parsed.issues?.map((i) => `${entry.id}: ${i.message}`) ?? []).toEqual([]);
    }
    const ids = entries.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('has the models and GPUs the product promises', () => {
    const apiIds = API_MODELS.map((m) => m.id);
    for (const id of REQUIRED_API) expect(apiIds).toContain(id);
    expect(API_MODELS.some((m) => m.id.startsWith('claude-opus'))).toBe(true);
    for (const family of ['mistral-large', 'mistral-small', 'qwen', 'llama-4-maverick', 'glm']) {
      expect(apiIds.some((id) => id.startsWith(family))).toBe(true);
    }
    expect(GPUS.map((g) => g.id)).toEqual(expect.arrayContaining(REQUIRED_GPUS));
  });

  it('links every profile to a GPU and, where named, to an API model', () => {
    for (const p of PROFILES) {
      expect(findGpu(p.gpuId), p.id).toBeDefined();
      if (p.apiModelId !== null) expect(findApiModel(p.apiModelId), p.id).toBeDefined();
      expect(Number(p.prefillTokensPerSec)).toBeGreaterThan(0);
      expect(Number(p.decodeTokensPerSec)).toBeGreaterThan(0);
    }
    // Max-throughput figures are flagged; at least one latency-bound profile exists.
    expect(PROFILES.some((p) => p.maxThroughput)).toBe(true);
    expect(PROFILES.some((p) => !p.maxThroughput)).toBe(true);
  });

  it('uses the reference price where an article disagrees, and records the article beside it', () => {
    const r1 = findApiModel('deepseek-r1');
    expect(r1).toMatchObject({ inputPerM: '0.55', outputPerM: '2.19' });
    expect(r1?.published).toEqual([
      expect.objectContaining({ sourceId: 'consolidation-2026', outputPerM: '0.55' }),
    ]);
    const medium = findApiModel('mistral-medium-3.1');
    expect(medium?.outputPerM).toBe('2');
    expect(medium?.published?.[0]?.outputPerM).toBe('1.2');
    // Every published record names a source that exists in the claims file.
    const sourceIds = new Set(claims.sources.map((s) => s.id));
    for (const m of API_MODELS) {
      for (const p of m.published ?? []) expect(sourceIds.has(p.sourceId)).toBe(true);
    }
  });
});
