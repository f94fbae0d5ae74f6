import { toPlain } from './decimal';
import type { Dec } from './decimal';
import { finding } from './claim-audit-result';
import type { AuditFinding } from './claim-audit-result';
import { writeMoney, writeNumber, writePrice, writeTokens, writeVolume } from './claim-audit-words';
import type { CostLine, TierTable } from './claim-audit-source-types';
import { hoursPerPeriod } from './claim-audit-month-conventions';
import type { MonthConvention } from './claim-audit-month-conventions';
import { columnLabel, computeLine, lineLabel } from './claim-audit-table-lines';

/**
 * Price per GPU-hour where the table gives GPUs or GPU-hours beside its compute line:
 * `compute / (gpus * hours in the period)` or `compute / gpuHours`. Without either, the compute
 * line's spend per hour of the period is all that can be said (for all GPUs together).
 *
 * @example 3,500 a month for 2 GPUs, 730 hours -> $2.40 per GPU-hour
 */
export function auditGpuHour(table: TierTable, convention: MonthConvention): AuditFinding[] {
  const hours = hoursPerPeriod(table.period, convention);
  const found: {
    tokensPerDay: Dec;
    column: string;
    line: CostLine;
    gpus: Dec | null;
    gpuHours: Dec | null;
  }[] = [];
  for (const tier of table.tiers) {
    for (const cell of tier.cells) {
      const line = computeLine(cell.lines);
      if (line === null) continue;
      found.push({
        tokensPerDay: tier.tokensPerDay,
        column: columnLabel(cell.column),
        line,
        gpus: cell.gpus,
        gpuHours: cell.gpuHours,
      });
    }
  }
  if (found.length === 0) {
    return [
      finding(
        'gpu-hour',
        'unchecked',
        'Price per GPU-hour',
        'The table has no compute (GPU) line, so no price per GPU-hour can be derived.',
      ),
    ];
  }
  const counted = found.filter(
    (f) => (f.gpus !== null && !f.gpus.isZero()) || (f.gpuHours !== null && !f.gpuHours.isZero()),
  );
  if (counted.length === 0) {
    const spend = found
      .map(
        (f) =>
          `${writeVolume(f.tokensPerDay)}: ${writeMoney(f.line.amount, table.currency)} / ${writeNumber(hours, 0)} h = ${writePrice(f.line.amount.div(hours), table.currency)} an hour`,
      )
      .join('; ');
    return [
      finding(
        'gpu-hour',
        'unchecked',
        'Price per GPU-hour',
        `The table gives no GPU count or GPU-hours, so no price per GPU-hour can be derived. Its compute line per hour of the ${table.period} (${convention.label}), for all GPUs together: ${spend}.`,
        found.map((f) => ({
          label: `${writeVolume(f.tokensPerDay)} compute per hour`,
          value: toPlain(f.line.amount.div(hours)),
          unit: 'moneyPerHour' as const,
        })),
      ),
    ];
  }
  return counted.map((f) => {
    const gpuHours =
      f.gpuHours !== null && !f.gpuHours.isZero() ? f.gpuHours : (f.gpus as Dec).mul(hours);
    const how =
      f.gpuHours !== null && !f.gpuHours.isZero()
        ? `${writeNumber(gpuHours)} GPU-hours`
        : `${writeNumber(f.gpus as Dec)} GPUs × ${writeNumber(hours, 0)} hours (${convention.label})`;
    const perHour = f.line.amount.div(gpuHours);
    return finding(
      'gpu-hour',
      'derived',
      `Price per GPU-hour, ${f.column} at ${writeTokens(f.tokensPerDay)} tokens/day`,
      `${writeMoney(f.line.amount, table.currency)} of ${lineLabel(f.line.key)} over ${how} is ${writePrice(perHour, table.currency)} per GPU-hour.`,
      [
        { label: 'GPU-hours', value: toPlain(gpuHours), unit: 'count' },
        { label: 'per GPU-hour', value: toPlain(perHour), unit: 'moneyPerHour' },
      ],
    );
  });
}
