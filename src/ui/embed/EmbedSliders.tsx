import { useCalculator } from '../../state/store-context';
import { NumberField } from '../NumberField';
import { SPECS } from '../input-specs';
import type { DocPath } from '../../scenario/doc-path';
import type { FieldSpec } from '../field-specs';

/** At most this many workloads get a volume slider in an embed; the rest are in the full app. */
const MAX_WORKLOAD_SLIDERS = 3;

/**
 * The few inputs a wiki reader most wants to try: each workload's volume, the first API option's
 * prices and the first self-hosted option's GPU price.
 */
export function EmbedSliders() {
  const fields = useCalculator((s) => JSON.stringify(embedFields(s.doc)));
  const list = JSON.parse(fields) as [DocPath, keyof typeof SPECS][];
  return (
    <section className="embed-sliders" aria-label="Try other values">
      {list.map(([path, spec]) => (
        <NumberField key={path.join('.')} path={path} spec={SPECS[spec] as FieldSpec} />
      ))}
    </section>
  );
}

function embedFields(doc: {
  workloads: readonly unknown[];
  options: readonly ({ kind: 'api' } | { kind: 'selfHost'; gpu: { mode: string } })[];
}): [DocPath, keyof typeof SPECS][] {
  const out: [DocPath, keyof typeof SPECS][] = [];
  doc.workloads.slice(0, MAX_WORKLOAD_SLIDERS).forEach((_, w) => {
    out.push([['workloads', w, 'tokensPerDay'], 'tokensPerDay']);
  });
  const api = doc.options.findIndex((o) => o.kind === 'api');
  if (api >= 0) {
    out.push([['options', api, 'inputPerM'], 'inputPerM']);
    out.push([['options', api, 'outputPerM'], 'outputPerM']);
  }
  const self = doc.options.findIndex((o) => o.kind === 'selfHost');
  const gpu = doc.options[self];
  if (gpu?.kind === 'selfHost') {
    const name =
      gpu.gpu.mode === 'hourly'
        ? 'hourlyPerGpu'
        : gpu.gpu.mode === 'monthly'
          ? 'monthlyPerGpu'
          : 'purchasePerGpu';
    out.push([['options', self, 'gpu', name], name]);
  }
  return out;
}
