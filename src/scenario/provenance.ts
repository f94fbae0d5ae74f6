import { Dec, toPlain } from '../core/decimal';
import type { OptionDoc, ScenarioDoc } from './document';
import type { Catalog } from './catalog';
import type { CatalogRef, PresetInfo } from './preset-info';
import { getAt } from './doc-path';
import { formatPath } from './validation-error';

/** Where a field's default value comes from, and what that value is. */
export type FieldSource = {
  kind: 'catalog' | 'assumption' | 'scenario';
  /** The citation, e.g. "BerriAI/litellm … (gpt-5)". */
  source: string;
  asOf: string | null;
  note: string;
  /** The value a reset returns to: the catalog's, or the value as loaded. */
  defaultValue: string | null;
  /**
   * For a catalog price in a scenario not in USD: how the USD figure was brought over, e.g.
   * "USD 2.50 × 0.92 EUR/USD (your rate, as of 2026-07-31)", or why it could not be.
   */
  conversion: string | null;
};

/** The scenario's currency and stated rate from USD, as far as catalog values are concerned. */
export type ScenarioCurrency = Pick<ScenarioDoc, 'currency' | 'fx'>;

/** A stated rate from USD that catalog values can use (a usable number, date and source). */
export type CatalogFx = { rate: Dec; rateText: string; asOf: string | null };

type Origin = {
  preset: PresetInfo | undefined;
  loaded: ScenarioDoc;
  catalogRefs: Readonly<Record<string, CatalogRef>>;
};

/**
 * The rate catalog values (all in USD) are brought into the scenario's currency with: 1 in a USD
 * scenario; the stated `fx` rate otherwise, when it is a number above 0 with a date and a source
 * (the full rules, with messages, are the validator's: currency-schema.ts); else null.
 * Deliberately light (no schema library): the first screen uses it for every field's source.
 *
 * @example catalogFx({ currency: 'EUR', fx: { rateFromUsd: '0.92', asOf: '2026-07-31', source: 'ECB' } })?.rateText // '0.92'
 */
export function catalogFx(scenario: ScenarioCurrency): CatalogFx | null {
  if (scenario.currency === 'USD') return { rate: new Dec(1), rateText: '1', asOf: null };
  const fx = scenario.fx;
  if (!fx || typeof fx.rateFromUsd !== 'string' || !/^\d+(\.\d+)?$/.test(fx.rateFromUsd.trim())) {
    return null;
  }
  const rate = new Dec(fx.rateFromUsd.trim());
  if (rate.isZero() || rate.greaterThan(FX_RATE_MAX)) return null;
  if (typeof fx.asOf !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(fx.asOf)) return null;
  if (typeof fx.source !== 'string' || fx.source.trim() === '') return null;
  return { rate, rateText: toPlain(rate), asOf: fx.asOf };
}

/** The format's ceiling for a rate from USD (currency-schema.ts FX_LIMITS, not imported: it brings the schema library). */
const FX_RATE_MAX = '1000000';

/**
 * A catalog amount in USD (decimal text) in the scenario's currency: multiplied by the stated
 * rate, exactly (a product of two short decimals has fewer digits than the 40 the engine keeps);
 * the text itself in a USD scenario; null when no usable rate is stated.
 *
 * @example catalogAmount('2.5', eurAt092) // '2.3'
 */
export function catalogAmount(usd: string, scenario: ScenarioCurrency): string | null {
  if (scenario.currency === 'USD') return usd;
  const fx = catalogFx(scenario);
  return fx ? toPlain(new Dec(usd).mul(fx.rate)) : null;
}

/**
 * How a catalog amount in USD reads in the scenario's currency, for a source line:
 * "USD 2.50 × 0.92 EUR/USD (your rate, as of 2026-07-31)"; null in a USD scenario.
 */
export function catalogConversionText(usd: string, scenario: ScenarioCurrency): string | null {
  if (scenario.currency === 'USD') return null;
  const fx = catalogFx(scenario);
  const amount = `USD ${plainAmount(usd)}`;
  if (!fx) return `${amount}: state a rate from USD to ${scenario.currency} to use it`;
  return `${amount} × ${fx.rateText} ${scenario.currency}/USD (your rate${fx.asOf ? `, as of ${fx.asOf}` : ''})`;
}

/** 2.5 -> "2.50", 30000 -> "30,000.00", 0.125 -> "0.125": at least cents, every digit kept. */
function plainAmount(text: string): string {
  const d = new Dec(text);
  const fixed = d.decimalPlaces() < 2 ? d.toFixed(2) : d.toFixed();
  const [whole = '', fraction] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/**
 * The source of one field of the current scenario: a catalog entry (API price, GPU price,
 * throughput profile) when the option was picked from a catalog, else the preset's documented
 * assumption, else "from the loaded scenario". `option` is the option the path points into, if
 * any. Paths are the validation form (`options[1].gpu.hourlyPerGpu`).
 *
 * Catalog prices are in USD: in a scenario in another currency their default is the USD figure
 * times the stated rate (`scenario`: the current document's currency and `fx`; without it, the
 * loaded document's), or none when no rate is stated, and `conversion` says which.
 */
export function fieldSource(
  origin: Origin,
  option: OptionDoc | undefined,
  path: readonly (string | number)[],
  catalog: Catalog | null,
  scenario: ScenarioCurrency = origin.loaded,
): FieldSource {
  const loaded = getAt(origin.loaded, path);
  const loadedValue = typeof loaded === 'string' ? loaded : null;
  const fromCatalog =
    option && catalog ? catalogSource(origin, option, path, catalog, scenario) : null;
  if (fromCatalog) return fromCatalog;
  const text = formatPath(path);
  const preset = origin.preset;
  if (preset) {
    const assumption = preset.assumptions[text] ?? preset.assumptions[formatPath(path.slice(0, 3))];
    const a = assumption ?? preset.fallbackAssumption;
    return {
      kind: 'assumption',
      source: a.source,
      asOf: a.asOf,
      note: a.note,
      defaultValue: loadedValue,
      conversion: null,
    };
  }
  return {
    kind: 'scenario',
    source: 'From the loaded scenario',
    asOf: null,
    note: '',
    defaultValue: loadedValue,
    conversion: null,
  };
}

/** A catalog source for a USD price: its default and conversion in the scenario's currency. */
function price(
  scenario: ScenarioCurrency,
  source: string,
  asOf: string,
  note: string,
  usd: string,
): FieldSource {
  return {
    kind: 'catalog',
    source,
    asOf,
    note,
    defaultValue: catalogAmount(usd, scenario),
    conversion: catalogConversionText(usd, scenario),
  };
}

const USD: ScenarioCurrency = { currency: 'USD' };

function catalogSource(
  origin: Origin,
  option: OptionDoc,
  path: readonly (string | number)[],
  { findApiModel, findGpu, findProfile }: Catalog,
  scenario: ScenarioCurrency,
): FieldSource | null {
  if (path[0] !== 'options') return null;
  const ref = origin.catalogRefs[option.id];
  if (!ref) return null;
  const field = path.slice(2).join('.');
  if (option.kind === 'api' && ref.apiModelId) {
    const m = findApiModel(ref.apiModelId);
    if (!m) return null;
    const values: Record<string, string> = {
      inputPerM: m.inputPerM,
      outputPerM: m.outputPerM,
      cachedInputPerM: m.cachedInputPerM ?? m.inputPerM,
      batchDiscount: m.batchDiscount ?? '0',
    };
    const value = values[field];
    if (value === undefined) return null;
    const note =
      field === 'cachedInputPerM' && m.cachedInputPerM === null
        ? `${m.name}: no cache price listed, so cached input costs the input price.`
        : field === 'batchDiscount' && m.batchDiscount === null
          ? `${m.name}: no batch price listed.`
          : `${m.name} (${m.provider}).`;
    // The batch discount is a share, not money: it needs no rate.
    if (field === 'batchDiscount') {
      return { ...price(USD, m.source, m.asOf, note, value), conversion: null };
    }
    return price(scenario, m.source, m.asOf, note, value);
  }
  if (option.kind === 'selfHost') {
    if (
      ref.profileId &&
      ['gpusPerReplica', 'prefillTokensPerSec', 'decodeTokensPerSec'].includes(field)
    ) {
      const p = findProfile(ref.profileId);
      if (!p) return null;
      const value =
        field === 'gpusPerReplica'
          ? String(p.gpusPerReplica)
          : field === 'prefillTokensPerSec'
            ? p.prefillTokensPerSec
            : p.decodeTokensPerSec;
      const note = `${p.model}, ${p.precision}, ${p.engine}: ${p.latency}${p.maxThroughput ? ' Maximum-throughput figure: real latency targets reach less.' : ''}`;
      return {
        kind: 'catalog',
        source: p.source,
        asOf: p.asOf,
        note,
        defaultValue: value,
        conversion: null,
      };
    }
    if (ref.gpuId) {
      const g = findGpu(ref.gpuId);
      if (!g) return null;
      if (
        field === 'gpu.hourlyPerGpu' &&
        (ref.gpuPrice === 'onDemandHourly' || ref.gpuPrice === 'committedHourly')
      ) {
        const q = ref.gpuPrice === 'onDemandHourly' ? g.onDemandHourly : g.committedHourly;
        if (!q) return null;
        const note = `${g.name}, ${q.provider} ${q.offering}. ${q.note}`;
        return price(scenario, q.source, q.asOf, note, q.value);
      }
      if (field === 'gpu.purchasePerGpu' && g.purchasePerGpu) {
        const q = g.purchasePerGpu;
        return price(scenario, q.source, q.asOf, `${g.name}. ${q.note}`, q.value);
      }
      if (field === 'gpu.powerKwPerGpu') {
        return {
          kind: 'catalog',
          source: g.powerSource,
          asOf: g.powerAsOf,
          note: g.powerNote,
          defaultValue: g.powerKwPerGpu,
          conversion: null,
        };
      }
    }
  }
  return null;
}
