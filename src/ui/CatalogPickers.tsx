import { useId } from 'react';
import type { DocPath } from '../scenario/doc-path';
import { useCatalog } from './catalog-context';
import { useCalculator, useCalculatorStore } from '../state/store-context';

/**
 * Catalog pickers: choosing an API model, or a self-hosting profile (model x GPU), fills the
 * fields from the catalog and records the choice, so each field shows its source and as-of date
 * and can be reset to the catalog value.
 */
export function ApiModelPicker({ index }: { index: number }) {
  const store = useCalculatorStore();
  const id = useId();
  const catalog = useCatalog();
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
    store.getState().setFields(
      [
        [at('name'), `${m.name} (${m.provider} API)`],
        [at('inputPerM'), m.inputPerM],
        [at('outputPerM'), m.outputPerM],
        [at('cachedInputPerM'), m.cachedInputPerM ?? m.inputPerM],
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
            {m.name} ({m.provider}): ${m.inputPerM} / ${m.outputPerM}
          </option>
        ))}
      </select>
      {model && (
        <p className="picker-source">
          {model.provider} list price, as of {model.asOf}. Source: {model.source}
        </p>
      )}
    </div>
  );
}

export function ProfilePicker({ index }: { index: number }) {
  const store = useCalculatorStore();
  const id = useId();
  const catalog = useCatalog();
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
      [at('gpu', 'name'), gpu.name],
    ];
    let gpuPrice: 'onDemandHourly' | 'purchasePerGpu' | undefined;
    if (option.gpu.mode === 'hourly') {
      changes.push([at('gpu', 'hourlyPerGpu'), gpu.onDemandHourly.value]);
      gpuPrice = 'onDemandHourly';
    } else if (option.gpu.mode === 'buy') {
      if (gpu.purchasePerGpu) {
        changes.push([at('gpu', 'purchasePerGpu'), gpu.purchasePerGpu.value]);
        gpuPrice = 'purchasePerGpu';
      }
      changes.push([at('gpu', 'powerKwPerGpu'), gpu.powerKwPerGpu]);
    }
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
