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
};

type Origin = {
  preset: PresetInfo | undefined;
  loaded: ScenarioDoc;
  catalogRefs: Readonly<Record<string, CatalogRef>>;
};

/**
 * The source of one field of the current scenario: a catalog entry (API price, GPU price,
 * throughput profile) when the option was picked from a catalog, else the preset's documented
 * assumption, else "from the loaded scenario". `option` is the option the path points into, if
 * any. Paths are the validation form (`options[1].gpu.hourlyPerGpu`).
 */
export function fieldSource(
  origin: Origin,
  option: OptionDoc | undefined,
  path: readonly (string | number)[],
  catalog: Catalog | null,
): FieldSource {
  const loaded = getAt(origin.loaded, path);
  const loadedValue = typeof loaded === 'string' ? loaded : null;
  const fromCatalog = option && catalog ? catalogSource(origin, option, path, catalog) : null;
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
    };
  }
  return {
    kind: 'scenario',
    source: 'From the loaded scenario',
    asOf: null,
    note: '',
    defaultValue: loadedValue,
  };
}

function catalogSource(
  origin: Origin,
  option: OptionDoc,
  path: readonly (string | number)[],
  { findApiModel, findGpu, findProfile }: Catalog,
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
    return { kind: 'catalog', source: m.source, asOf: m.asOf, note, defaultValue: value };
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
      return { kind: 'catalog', source: p.source, asOf: p.asOf, note, defaultValue: value };
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
        return {
          kind: 'catalog',
          source: q.source,
          asOf: q.asOf,
          note: `${g.name}, ${q.provider} ${q.offering}. ${q.note}`,
          defaultValue: q.value,
        };
      }
      if (field === 'gpu.purchasePerGpu' && g.purchasePerGpu) {
        const q = g.purchasePerGpu;
        return {
          kind: 'catalog',
          source: q.source,
          asOf: q.asOf,
          note: `${g.name}. ${q.note}`,
          defaultValue: q.value,
        };
      }
      if (field === 'gpu.powerKwPerGpu') {
        return {
          kind: 'catalog',
          source: g.powerSource,
          asOf: g.powerAsOf,
          note: g.powerNote,
          defaultValue: g.powerKwPerGpu,
        };
      }
    }
  }
  return null;
}
