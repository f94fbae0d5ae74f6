import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/core/decimal';
import { evaluateScenario } from '../../src/index';
import { DEFAULT_PRESET, PRESETS } from '../../src/scenario/presets';
import { loadCatalog } from '../../src/scenario/catalog';
import claimsFile from '../../src/scenario/catalog/published-claims.json';

type LooseTable = { id: string; tiers?: unknown[]; rows?: unknown[] };
type LooseClaim = { id: string; assignments?: { workload: string; model: string }[] };
const claims = claimsFile as unknown as {
  sources: { id: string; title: string; tables?: LooseTable[]; claims?: LooseClaim[] }[];
};
import { cents, evaluateOk, strategy } from '../core/helpers';

const { findApiModel, findGpu, findProfile } = await loadCatalog();
const money = (n: number) => n.toFixed(2);
const times12 = (amount: string) => cents(new Dec(amount).mul(12).toFixed());

describe('presets', () => {
  it.each(PRESETS.map((p) => [p.id, p] as const))('%s is a valid v1 scenario', (_, preset) => {
    const r = evaluateScenario(preset.scenario);
    expect(r.ok ? [] : r.errors).toEqual([]);
  });

  it('takes every catalog-referenced number from the catalog', () => {
    for (const preset of PRESETS) {
      const options = (preset.scenario as { options: Record<string, unknown>[] }).options;
      for (const [optionId, ref] of Object.entries(preset.catalogRefs)) {
        const option = options.find((o) => o.id === optionId);
        expect(option, `${preset.id}/${optionId}`).toBeDefined();
        if (ref.apiModelId) {
          const m = findApiModel(ref.apiModelId);
          expect(option).toMatchObject({ inputPerM: m?.inputPerM, outputPerM: m?.outputPerM });
          // As the catalog pickers fill them: no cache price means the input price, no batch price 0.
          if (option?.cachedInputPerM !== undefined) {
            expect(option.cachedInputPerM).toBe(m?.cachedInputPerM ?? m?.inputPerM);
          }
          if (option?.batchDiscount !== undefined) {
            expect(option.batchDiscount).toBe(m?.batchDiscount ?? '0');
          }
        }
        if (ref.profileId) {
          const p = findProfile(ref.profileId);
          // Compared as text: a preset stored in document form has every number as a string.
          expect({
            prefillTokensPerSec: String(option?.prefillTokensPerSec),
            decodeTokensPerSec: String(option?.decodeTokensPerSec),
            gpusPerReplica: String(option?.gpusPerReplica),
          }).toEqual({
            prefillTokensPerSec: String(p?.prefillTokensPerSec),
            decodeTokensPerSec: String(p?.decodeTokensPerSec),
            gpusPerReplica: String(p?.gpusPerReplica),
          });
        }
        if (ref.gpuId && ref.gpuPrice === 'onDemandHourly') {
          const g = findGpu(ref.gpuId);
          expect((option?.gpu as { hourlyPerGpu?: string }).hourlyPerGpu).toBe(
            g?.onDemandHourly.value,
          );
        }
      }
    }
  });

  it('starts newcomers with a break-even inside the chart range (100K to 10B tokens/day)', () => {
    const result = evaluateOk(DEFAULT_PRESET.scenario);
    const self = result.strategies[1];
    const be = self?.vsBaseline?.breakEven;
    expect(be?.kind).toBe('at');
    if (be?.kind !== 'at') return;
    const volume = new Dec(be.tokensPerDay);
    expect(volume.greaterThan(100_000)).toBe(true);
    expect(volume.lessThan(10_000_000_000)).toBe(true);
    expect(result.strategies[0]?.runRate.api).not.toBe('0');
    expect(self?.runRate.gpu).not.toBe('0');
  });
});

describe('the published monthly table (takeover-2026), every line to the cent', () => {
  const table = claims.sources.find((s) => s.id === 'takeover-2026')?.tables?.[0];
  const tiers = (table?.tiers ?? []) as {
    tokens_per_day: number;
    self_hosted_open_source: Record<string, number>;
    proprietary_api: Record<string, number>;
    annual: { self_hosted_open_source: number; proprietary_api: number };
  }[];
  const presetFor = (tokens: number) =>
    PRESETS.find((p) => p.id === `takeover-2026-${{ 1e7: '10m', 1e8: '100m', 1e9: '1b' }[tokens]}`);

  it('has three tiers', () => expect(tiers.map((t) => t.tokens_per_day)).toEqual([1e7, 1e8, 1e9]));

  it.each(tiers.map((t) => [t.tokens_per_day, t] as const))('%d tokens/day', (tokens, tier) => {
    const result = evaluateOk(presetFor(tokens)?.scenario);
    const api = strategy(result, 'api');
    const self = strategy(result, 'self-hosted');
    const sh = tier.self_hosted_open_source;
    const compute =
      sh.compute_gpu_instances ?? sh.compute_gpu_cluster ?? sh.compute_large_gpu_cluster ?? NaN;
    expect(cents(self.runRate.gpu)).toBe(money(compute));
    expect(cents(self.runRate.storage)).toBe(money(sh.storage_and_networking ?? NaN));
    expect(cents(self.runRate.engineering)).toBe(money(sh.engineering ?? NaN));
    expect(cents(self.runRate.monitoring)).toBe(money(sh.monitoring_and_ops ?? NaN));
    expect(cents(self.runRate.total)).toBe(money(sh.total ?? NaN));
    const pa = tier.proprietary_api;
    expect(cents(api.runRate.api)).toBe(money(pa.api_costs ?? NaN));
    expect(cents(api.runRate.engineering)).toBe(money(pa.engineering_integration_only ?? NaN));
    expect(cents(api.runRate.total)).toBe(money(pa.total ?? NaN));
    // Annual = 12 x monthly, and the 12-month timeline's cumulative cost says the same.
    expect(times12(self.runRate.total)).toBe(money(tier.annual.self_hosted_open_source));
    expect(times12(api.runRate.total)).toBe(money(tier.annual.proprietary_api));
    expect(cents(self.timeline.months[11]?.cumulative ?? '')).toBe(
      money(tier.annual.self_hosted_open_source),
    );
    expect(cents(api.timeline.months[11]?.cumulative ?? '')).toBe(
      money(tier.annual.proprietary_api),
    );
  });
});

describe('the published annual table (budgets-shifted-2026), to the cent', () => {
  const rows = (claims.sources.find((s) => s.id === 'budgets-shifted-2026')?.tables?.[0]?.rows ??
    []) as {
    cost_driver: string;
    proprietary_api_strategy: number;
    open_source_self_hosted_strategy: number;
  }[];
  const row = (driver: string) => rows.find((r) => r.cost_driver === driver);
  const result = evaluateOk(PRESETS.find((p) => p.id === 'budgets-shifted-2026')?.scenario);
  const api = strategy(result, 'api');
  const self = strategy(result, 'self-hosted');

  it('reproduces every row for both strategies', () => {
    expect(times12(api.runRate.api)).toBe(money(row('inference')?.proprietary_api_strategy ?? NaN));
    expect(times12(self.runRate.gpu)).toBe(
      money(row('inference')?.open_source_self_hosted_strategy ?? NaN),
    );
    expect(times12(api.runRate.fineTuning)).toBe(
      money(row('fine_tuning')?.proprietary_api_strategy ?? NaN),
    );
    expect(times12(self.runRate.fineTuning)).toBe(
      money(row('fine_tuning')?.open_source_self_hosted_strategy ?? NaN),
    );
    expect(times12(api.runRate.engineering)).toBe(
      money(row('engineering')?.proprietary_api_strategy ?? NaN),
    );
    expect(times12(self.runRate.engineering)).toBe(
      money(row('engineering')?.open_source_self_hosted_strategy ?? NaN),
    );
    expect(times12(api.runRate.total)).toBe(money(row('total')?.proprietary_api_strategy ?? NaN));
    expect(times12(self.runRate.total)).toBe(
      money(row('total')?.open_source_self_hosted_strategy ?? NaN),
    );
    expect(cents(self.timeline.months[11]?.cumulative ?? '')).toBe('800000.00');
    expect(cents(api.timeline.months[11]?.cumulative ?? '')).toBe('1450000.00');
  });
});

describe('the model portfolio preset (consolidation-2026, hybrid-era-2026)', () => {
  const preset = PRESETS.find((p) => p.id === 'portfolio-2026');
  const doc = preset?.scenario as {
    workloads: Record<string, unknown>[];
    strategies: { id: string; routes: { workloadId: string; optionId: string; share: string }[] }[];
  };

  it('comes right after the default and cites the published portfolio claim', () => {
    expect(PRESETS.map((p) => p.id).indexOf('portfolio-2026')).toBe(1);
    const source = claims.sources.find((s) => s.id === 'consolidation-2026');
    expect(preset?.source?.title).toBe(source?.title);
    const claim = source?.claims?.find((c) => c.id === preset?.source?.claimId);
    expect(claim?.assignments).toHaveLength(doc.workloads.length);
    expect(source?.tables?.map((t) => t.id)).toContain(preset?.source?.tableId);
  });

  it('documents every workload number as an illustrative assumption', () => {
    const fields = [
      'tokensPerDay',
      'inputShare',
      'cachedInputShare',
      'batchShare',
      'peakToAverage',
      'growthPerMonth',
    ];
    doc.workloads.forEach((w, index) => {
      for (const field of fields) {
        expect(w[field], `workloads[${index}].${field}`).toBeDefined();
        const a = preset?.assumptions[`workloads[${index}].${field}`];
        expect(a?.note, `workloads[${index}].${field}`).toMatch(/^Illustrative: /);
      }
    });
  });

  it('routes the portfolio one workload per model and the hybrid 90/10', () => {
    const routes = (id: string) => doc.strategies.find((s) => s.id === id)?.routes ?? [];
    expect(routes('published-portfolio').map((r) => [r.workloadId, r.optionId])).toEqual([
      ['long-context', 'llama-4-scout-h100'],
      ['general', 'mistral-medium-3.1'],
      ['coding-math', 'deepseek-r1'],
      ['asian-language', 'qwen3-235b-h200'],
    ]);
    for (const w of doc.workloads) {
      const mine = routes('hybrid').filter((r) => r.workloadId === w.id);
      expect(mine.map((r) => [r.optionId, r.share])).toEqual([
        ['qwen3-235b-h200', '0.9'],
        ['claude-sonnet-4.5', '0.1'],
      ]);
    }
    expect(preset?.assumptions['strategies[3].routes']?.source).toMatch(/Hybrid|hybrid/);
  });
});
