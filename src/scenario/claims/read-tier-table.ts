import * as v from 'valibot';
import type { Dec } from '../../core/decimal';
import type { TableColumn, TierCell, TierTable } from '../../core/claim-audit-source-types';
import { formatPath } from '../validation-error';
import type { ValidationError } from '../validation-error';
import { checkWith } from './claim-issues';
import type { PathKey } from './claim-issues';
import { CLAIM_LIMITS, COST_UNIT, costUnit, key, money, text, tokens } from './claim-schema';
import { columnRole } from './column-role';
import { checkColumns, columnsSchema, fieldsOf, list } from './table-parts';

/** Field names a tier uses itself, so no column may take them. */
const TIER_FIELDS = new Set(['tokens_per_day', 'annual', 'verdict']);
const STAFF_KEY = /(^|_)fte$/i;
const GPU_COUNT_KEYS = new Set(['gpus', 'gpu_count']);
const GPU_HOURS_KEYS = new Set(['gpu_hours']);

/**
 * A cost table by volume (`tiers`): each tier has `tokens_per_day`, one object of lines per
 * column (money lines, `total`, `*_fte` staff counts, `gpus` or `gpu_hours`), an optional
 * `annual` per column and an optional `verdict`. Tiers go from low to high volume.
 */
export function readTierTable(
  table: Record<string, unknown>,
  path: readonly PathKey[],
  errors: ValidationError[],
): TierTable | null {
  const head = checkWith(
    v.strictObject({
      id: key,
      unit: costUnit,
      columns: columnsSchema,
      tiers: list('tiers', CLAIM_LIMITS.tiers),
    }),
    table,
    path,
    errors,
    'a cost table by volume (its fields: id, unit, columns, tiers)',
  );
  if (head === null || !checkColumns(head.columns, TIER_FIELDS, path, errors)) return null;
  const [, currency = 'USD', period = 'month'] = COST_UNIT.exec(head.unit) ?? [];
  const columns: TableColumn[] = head.columns.map((c) => ({ key: c, role: columnRole(c) }));
  const cell = v.pipe(
    fieldsOf(money, 'must be an object of lines, such as { "compute": 3500, "total": 9200 }'),
    v.minEntries(1, 'must have at least one line'),
    v.maxEntries(CLAIM_LIMITS.lines, `must have at most ${CLAIM_LIMITS.lines} lines`),
  );
  const tierSchema = v.strictObject({
    tokens_per_day: tokens,
    annual: v.optional(
      v.strictObject(Object.fromEntries(head.columns.map((c) => [c, v.optional(money)]))),
    ),
    verdict: v.optional(text(CLAIM_LIMITS.textLength)),
    ...Object.fromEntries(head.columns.map((c) => [c, cell])),
  });
  const what = `a tier (its fields: tokens_per_day, annual, verdict and the columns ${head.columns.map((c) => `"${c}"`).join(', ')})`;
  let ok = true;
  const tiers: TierTable['tiers'] = [];
  head.tiers.forEach((raw, i) => {
    const at = [...path, 'tiers', i];
    const tier = checkWith(tierSchema, raw, at, errors, what);
    if (tier === null) {
      ok = false;
      return;
    }
    const record = tier as Record<string, unknown>;
    const volume = tier.tokens_per_day;
    const prev = tiers[tiers.length - 1];
    if (prev !== undefined && !volume.greaterThan(prev.tokensPerDay)) {
      errors.push({
        path: formatPath([...at, 'tokens_per_day']),
        message: 'must be more than the tier before: list tiers from low to high volume',
      });
      ok = false;
    }
    const annual = tier.annual ?? {};
    tiers.push({
      tokensPerDay: volume,
      cells: columns.map((column) => toCell(column, record[column.key] as Record<string, Dec>)),
      annual: head.columns.flatMap((c) => {
        const amount = (annual as Record<string, Dec | undefined>)[c];
        return amount === undefined ? [] : [{ column: c, amount }];
      }),
      verdict: tier.verdict ?? null,
    });
  });
  if (!ok) return null;
  return {
    kind: 'tiers',
    id: head.id,
    currency,
    period: period === 'year' ? 'year' : 'month',
    columns,
    tiers,
  };
}

/** Splits a cell's entries into money lines, its total, staff counts and GPU counts. */
function toCell(column: TableColumn, entries: Record<string, Dec>): TierCell {
  const cell: TierCell = { column, lines: [], total: null, staff: [], gpus: null, gpuHours: null };
  const staff: { key: string; fte: Dec }[] = [];
  for (const [name, amount] of Object.entries(entries)) {
    const lower = name.toLowerCase();
    if (lower === 'total') cell.total = amount;
    else if (STAFF_KEY.test(name)) staff.push({ key: name, fte: amount });
    else if (GPU_COUNT_KEYS.has(lower)) cell.gpus = amount;
    else if (GPU_HOURS_KEYS.has(lower)) cell.gpuHours = amount;
    else cell.lines.push({ key: name, amount });
  }
  const staffLines = cell.lines.filter((l) => /engineer|staff|ops|team/i.test(l.key));
  cell.staff = staff.map((s) => {
    const stem = s.key.replace(STAFF_KEY, '');
    const line =
      cell.lines.find((l) => l.key === stem) ??
      (staffLines.length === 1 ? staffLines[0] : undefined);
    return { key: s.key, fte: s.fte, lineKey: line?.key ?? null };
  });
  return cell;
}
