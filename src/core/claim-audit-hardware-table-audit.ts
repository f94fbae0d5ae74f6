import { Dec, toPlain } from './decimal';
import { finding } from './claim-audit-result';
import type { AuditFinding } from './claim-audit-result';
import { writeNumber } from './claim-audit-words';
import type { HardwareRow, HardwareTable } from './claim-audit-source-types';

const FULL_BYTES = new Dec(2);
const EIGHT_BIT_BYTES = new Dec(1);
const FOUR_BIT_BYTES = new Dec('0.5');
const SIZE = /^\s*(\d+(?:\.\d+)?)(?:\s*-\s*(\d+(?:\.\d+)?))?\s*B(\+)?/i;
const GPUS = /^\s*(\d+)\s*[x×]\s*(.+?)\s*\(\s*(\d+(?:\.\d+)?)\s*GB\s*\)\s*$/i;

type Size = { billions: Dec; open: boolean; quantized: boolean; label: string };
type Gpus = { count: Dec; name: string; memoryGb: Dec; totalGb: Dec };

/** "70B (quantized)" -> 70 billion parameters, quantized; "200B+" is open-ended. */
export function readModelSize(text: string): Size | null {
  const m = SIZE.exec(text);
  if (!m || m[1] === undefined) return null;
  const billions = new Dec(m[2] ?? m[1]);
  const quantized = /quant|int4|int8|4-bit|8-bit|fp8/i.test(text);
  const full = /full|bf16|fp16/i.test(text);
  if (!quantized && !full) return null;
  return { billions, open: m[3] !== undefined, quantized, label: text };
}

/** "2x A100 (80GB)" -> 2 GPUs of 80 GB, 160 GB in all. */
export function readGpus(text: string): Gpus | null {
  const m = GPUS.exec(text);
  if (!m || m[1] === undefined || m[2] === undefined || m[3] === undefined) return null;
  const count = new Dec(m[1]);
  const memoryGb = new Dec(m[3]);
  return { count, name: m[2], memoryGb, totalGb: count.mul(memoryGb) };
}

/**
 * A table of GPUs by model size: no money and nothing to add up. What can be checked is whether
 * the model's weights fit the GPU memory listed: 2 bytes per parameter at full precision (BF16),
 * 1 at 8-bit and 0.5 at 4-bit quantization, weights only.
 */
export function auditHardwareTable(table: HardwareTable): AuditFinding[] {
  return [
    finding(
      'scope',
      'unchecked',
      'What this table allows',
      'A hardware table: no costs and nothing to add up, so no sums, unit prices or break-even. What can be checked is whether each model’s weights fit the GPU memory listed, at 2 bytes per parameter at full precision (BF16) and 1 (8-bit) or 0.5 (4-bit) when quantized. Weights only: the KV cache, activations and runtime need more memory, so “fits” here is necessary, not sufficient.',
    ),
    ...table.rows.map(auditHardwareRow),
  ];
}

function auditHardwareRow(row: HardwareRow): AuditFinding {
  const title = `${row.modelSize} on ${row.minimumGpu}`;
  const size = readModelSize(row.modelSize);
  const min = readGpus(row.minimumGpu);
  if (size === null || min === null) {
    return finding(
      'hardware',
      'unchecked',
      title,
      'The model size (such as "70B (quantized)") or the GPUs (such as "2x A100 (80GB)") could not be read, so the fit cannot be checked.',
    );
  }
  const gb = (d: Dec) => `${writeNumber(d, 1)} GB`;
  const model = `${writeNumber(size.billions, 1)}B parameters${size.open ? ' (the low end of the class)' : ''}`;
  const needs = size.quantized
    ? [
        { label: '4-bit', bytes: FOUR_BIT_BYTES },
        { label: '8-bit', bytes: EIGHT_BIT_BYTES },
      ]
    : [{ label: 'BF16', bytes: FULL_BYTES }];
  const amounts = needs.map((n) => ({ ...n, gb: size.billions.mul(n.bytes) }));
  const smallest = amounts[0]!;
  const fits = smallest.gb.lessThanOrEqualTo(min.totalGb);
  const allFit = amounts.every((a) => a.gb.lessThanOrEqualTo(min.totalGb));
  let text = `Weights of ${model} take ${amounts.map((a) => `${gb(a.gb)} at ${a.label}`).join(' and ')}; the minimum ${row.minimumGpu} has ${gb(min.totalGb)}: `;
  text += !fits ? 'they do not fit.' : allFit ? 'they fit.' : `they fit only at ${smallest.label}.`;
  if (size.open && fits) {
    const most = min.totalGb.div(smallest.bytes);
    text += ` The “+” sets no upper bound: at ${smallest.label} the weights fit only up to ${writeNumber(most, 0)}B parameters, so larger models in this class do not fit.`;
  }
  const rec = row.recommendedGpu === null ? null : readGpus(row.recommendedGpu);
  if (rec !== null) {
    text += ` The recommended ${row.recommendedGpu} has ${gb(rec.totalGb)}${rec.totalGb.lessThan(min.totalGb) ? ', less than the minimum: the row contradicts itself' : ''}.`;
  }
  const ok = fits && (rec === null || rec.totalGb.greaterThanOrEqualTo(min.totalGb));
  return finding('hardware', ok ? 'consistent' : 'inconsistent', title, text, [
    ...amounts.map((a) => ({
      label: `weights at ${a.label}`,
      value: toPlain(a.gb),
      unit: 'gigabytes' as const,
    })),
    { label: 'minimum GPU memory', value: toPlain(min.totalGb), unit: 'gigabytes' },
    ...(rec === null
      ? []
      : [
          {
            label: 'recommended GPU memory',
            value: toPlain(rec.totalGb),
            unit: 'gigabytes' as const,
          },
        ]),
  ]);
}
