import { useId, useState } from 'react';
import { gpuPriceFill } from './gpu-price-fill';
import type { HourlyBasis } from './gpu-price-fill';
import type { DocPath } from '../scenario/doc-path';
import { catalogAmount, catalogFx } from '../scenario/provenance';
import type { ScenarioCurrency } from '../scenario/provenance';
import { useCatalog } from './catalog-context';
import { useCalculator, useCalculatorStore } from '../state/store-context';
import { needsRateText, usdText, useScenarioCurrency } from './currency-scenario';

/**
 * Catalog pickers: choosing an API model, or a self-hosting profile (model x GPU), fills the
 * fields from the catalog and records the choice, so each field shows its source and as-of date
 * and can be reset to the catalog value.
 *
 * Catalog prices are in USD. In a scenario in another currency a pick multiplies them by the
 * stated rate from USD (exactly); without a usable rate a price is not filled and the picker says
 * a rate is needed first, rather than putting dollar figures in a euro scenario.
 */
export function ApiModelPicker({ index }: { index: number }) {
  const store = useCalculatorStore();
  const id = useId();
  const catalog = useCatalog();
  const scenario = useScenarioCurrency();
  const [refused, setRefused] = useState(false);
  const optionId = useCalculator((s) => s.doc.options[index]?.id ?? '');
  const ref = useCalculator((s) => s.origin.catalogRefs[optionId]);
  const selected = ref?.apiModelId ?? '';
  const API_MODELS = catalog?.apiModels ?? [];
  const model = API_MODELS.find((m) => m.id === selected);
  const pick = (modelId: string) => {
    const m = API_MODELS.find((x) => x.id === modelId);
    if (!m) return;
    const at = (field: string): DocPath => ['options', index, field];
    const { catalogRefs } = store.getState().origin;
    const doc = store.getState().doc;
    const input = catalogAmount(m.inputPerM, doc);
    const output = catalogAmount(m.outputPerM, doc);
    const cached = catalogAmount(m.cachedInputPerM ?? m.inputPerM, doc);
    // Nothing changes without a rate: the select returns to the current choice.
    setRefused(input === null);
    if (input === null || output === null || cached === null) return;
    store.getState().setFields(
      [
        [at('name'), `${m.name} (${m.provider} API)`],
        [at('inputPerM'), input],
        [at('outputPerM'), output],
        [at('cachedInputPerM'), cached],
        [at('batchDiscount'), m.batchDiscount ?? '0'],
      ],
      { ...catalogRefs, [optionId]: { apiModelId: m.id } },
    );
  };
  return (
    <div className="picker">
      <label htmlFor={id}>API model</label>
      <select
        id={id}
        value={selected}
        disabled={!catalog}
        onChange={(e) => pick(e.currentTarget.value)}
      >
        <option value="">{catalog ? 'Custom prices' : 'Loading the catalog…'}</option>
        {API_MODELS.map((m) => (
          <option key={m.id} value={m.id}>
            {m.name} ({m.provider}): {usdText(m.inputPerM, scenario.currency)} /{' '}
            {usdText(m.outputPerM, scenario.currency)}
          </option>
        ))}
      </select>
      {refused && <NeedsRate currency={scenario.currency} />}
      {model && (
        <p className="picker-source">
          {model.provider} list price, as of {model.asOf}
          <RateNote scenario={scenario} />. Source: {model.source}
        </p>
      )}
    </div>
  );
}

/** Why a pick filled no price: the scenario's currency has no usable rate from USD. */
function NeedsRate({ currency }: { currency: string }) {
  return (
    <p className="picker-source picker-needs-rate" role="alert">
      {needsRateText(currency)}
    </p>
  );
}

/** In a scenario not in USD: the rate catalog prices were brought over with (", in USD × 0.92 EUR/USD …"). */
function RateNote({ scenario }: { scenario: ScenarioCurrency }) {
  if (scenario.currency === 'USD') return null;
  const fx = catalogFx(scenario);
  if (!fx) return null;
  return (
    <>
      , in USD × {fx.rateText} {scenario.currency}/USD (your rate
      {fx.asOf ? `, as of ${fx.asOf}` : ''})
    </>
  );
}

export function ProfilePicker({ index }: { index: number }) {
  const store = useCalculatorStore();
  const id = useId();
  const catalog = useCatalog();
  const scenario = useScenarioCurrency();
  const [refused, setRefused] = useState(false);
  const optionId = useCalculator((s) => s.doc.options[index]?.id ?? '');
  const ref = useCalculator((s) => s.origin.catalogRefs[optionId]);
  const selected = ref?.profileId ?? '';
  const PROFILES = catalog?.profiles ?? [];
  const GPUS = catalog?.gpus ?? [];
  const findGpu = (gpuId: string) => GPUS.find((g) => g.id === gpuId);
  const profile = PROFILES.find((p) => p.id === selected);
  const pick = (profileId: string) => {
    const p = PROFILES.find((x) => x.id === profileId);
    const gpu = p ? findGpu(p.gpuId) : undefined;
    if (!p || !gpu) return;
    const state = store.getState();
    const option = state.doc.options[index];
    if (option?.kind !== 'selfHost') return;
    const at = (...field: string[]): DocPath => ['options', index, ...field];
    const changes: [DocPath, unknown][] = [
      [
        at('name'),
        `${p.model} on ${gpu.name.replace('NVIDIA ', '')}${p.gpusPerReplica > 1 ? ` x${p.gpusPerReplica}` : ''}`,
      ],
      [at('gpusPerReplica'), String(p.gpusPerReplica)],
      [at('prefillTokensPerSec'), p.prefillTokensPerSec],
      [at('decodeTokensPerSec'), p.decodeTokensPerSec],
    ];
    const previous = state.origin.catalogRefs[optionId];
    const basis = previous?.gpuPrice === 'committedHourly' ? 'committedHourly' : 'onDemandHourly';
    const { daysPerYear } = state.doc.settings;
    const fill = gpuPriceFill(gpu, option.gpu.mode, basis, daysPerYear, state.doc);
    // Throughput is not money: a profile still fills it when the GPU price needs a rate first.
    setRefused(fill.needsRate);
    for (const [field, value] of fill.fields) changes.push([at('gpu', field), value]);
    const gpuPrice = fill.gpuPrice;
    state.setFields(changes, {
      ...state.origin.catalogRefs,
      [optionId]: { profileId: p.id, gpuId: gpu.id, ...(gpuPrice ? { gpuPrice } : {}) },
    });
  };
  return (
    <div className="picker">
      <label htmlFor={id}>Model and GPU</label>
      <select
        id={id}
        value={selected}
        disabled={!catalog}
        onChange={(e) => pick(e.currentTarget.value)}
      >
        <option value="">{catalog ? 'Custom deployment' : 'Loading the catalog…'}</option>
        {PROFILES.map((p) => (
          <option key={p.id} value={p.id}>
            {p.model} on{' '}
            {GPUS.find((g) => g.id === p.gpuId)?.name.replace('NVIDIA ', '') ?? p.gpuId} x
            {p.gpusPerReplica} ({p.precision}){p.maxThroughput ? ', max throughput' : ''}
          </option>
        ))}
      </select>
      {refused && (
        <p className="picker-source picker-needs-rate" role="alert">
          Throughput filled; GPU price not filled. {needsRateText(scenario.currency)}
        </p>
      )}
      {profile && (
        <p className="picker-source">
          {profile.benchmark.split('.')[0]}, as of {profile.asOf}.
          {profile.maxThroughput
            ? ' Offline maximum throughput: interactive latency targets reach less, so plan a lower target utilization.'
            : ` Measured at: ${profile.latency}`}
        </p>
      )}
    </div>
  );
}

type PriceBasis = HourlyBasis;

/**
 * A GPU from the catalog and the price basis to use: fills the price for the option's pricing
 * mode (hourly; monthly as the hourly quote times the hours in a month; bought: purchase price and
 * power), so a custom throughput can still be priced from sourced figures.
 */
export function GpuPicker({ index }: { index: number }) {
  const store = useCalculatorStore();
  const id = useId();
  const catalog = useCatalog();
  const scenario = useScenarioCurrency();
  const [refused, setRefused] = useState(false);
  const optionId = useCalculator((s) => s.doc.options[index]?.id ?? '');
  const ref = useCalculator((s) => s.origin.catalogRefs[optionId]);
  const mode = useCalculator((s) => {
    const o = s.doc.options[index];
    return o?.kind === 'selfHost' ? o.gpu.mode : 'hourly';
  });
  const hoursPerMonth = useCalculator((s) =>
    s.doc.settings.daysPerYear === '360' ? '720' : '730',
  );
  const gpus = catalog?.gpus ?? [];
  const selected = ref?.gpuId ?? '';
  const basis: PriceBasis =
    ref?.gpuPrice === 'committedHourly' ? 'committedHourly' : 'onDemandHourly';
  const gpu = gpus.find((g) => g.id === selected);

  const apply = (gpuId: string, nextBasis: PriceBasis) => {
    const g = gpus.find((x) => x.id === gpuId);
    if (!g) return;
    const state = store.getState();
    const fill = gpuPriceFill(g, mode, nextBasis, state.doc.settings.daysPerYear, state.doc);
    // A GPU picked for its price: without a rate nothing changes (the select returns).
    setRefused(fill.needsRate);
    if (fill.needsRate) return;
    const changes = fill.fields.map(([field, value]): [DocPath, unknown] => [
      ['options', index, 'gpu', field],
      value,
    ]);
    const { gpuPrice: _dropped, ...previous } = state.origin.catalogRefs[optionId] ?? {};
    state.setFields(changes, {
      ...state.origin.catalogRefs,
      [optionId]: {
        ...previous,
        gpuId: g.id,
        ...(fill.gpuPrice ? { gpuPrice: fill.gpuPrice } : {}),
      },
    });
  };

  return (
    <div className="picker">
      <label htmlFor={id}>GPU</label>
      <select
        id={id}
        value={selected}
        disabled={!catalog}
        onChange={(e) => apply(e.currentTarget.value, basis)}
      >
        <option value="">{catalog ? 'Custom GPU' : 'Loading the catalog…'}</option>
        {gpus.map((g) => (
          <option key={g.id} value={g.id}>
            {g.name.replace('NVIDIA ', '')}: {usdText(g.onDemandHourly.value, scenario.currency)}
            /h on demand
            {g.committedHourly
              ? `, ${usdText(g.committedHourly.value, scenario.currency)}/h committed`
              : ''}
          </option>
        ))}
      </select>
      {refused && <NeedsRate currency={scenario.currency} />}
      {gpu && mode !== 'buy' && (
        <label className="chooser">
          Price basis
          <select
            value={basis}
            onChange={(e) => apply(gpu.id, e.currentTarget.value as PriceBasis)}
          >
            <option value="onDemandHourly">
              On demand ({gpu.onDemandHourly.provider}, as of {gpu.onDemandHourly.asOf})
            </option>
            {gpu.committedHourly && (
              <option value="committedHourly">
                Committed ({gpu.committedHourly.provider}, as of {gpu.committedHourly.asOf})
              </option>
            )}
          </select>
        </label>
      )}
      {gpu && mode === 'buy' && !gpu.purchasePerGpu && (
        <p className="picker-source">No public purchase price for this GPU: enter your quote.</p>
      )}
      {gpu && mode === 'monthly' && (
        <p className="picker-source">
          Monthly price = the hourly quote x {hoursPerMonth} hours
          <RateNote scenario={scenario} />.
        </p>
      )}
    </div>
  );
}
