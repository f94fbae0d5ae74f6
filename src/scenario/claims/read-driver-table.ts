import * as v from 'valibot';
import type { Dec } from '../../core/decimal';
import type { DriverRow, DriverTable } from '../../core/claim-audit-source-types';
import { formatPath } from '../validation-error';
import type { ValidationError } from '../validation-error';
import { checkWith } from './claim-issues';
import type { PathKey } from './claim-issues';
import { CLAIM_LIMITS, COST_UNIT, costUnit, key, money, text } from './claim-schema';
import { columnRole } from './column-role';
import { checkColumns, columnsSchema, list } from './table-parts';

const ROW_FIELDS = new Set(['cost_driver', 'note']);

/**
 * A cost table by driver (`rows` with `columns`): each row a `cost_driver`, one amount per
 * column and an optional `note`; a row named "total" is the stated total.
 */
export function readDriverTable(
  table: Record<string, unknown>,
  path: readonly PathKey[],
  errors: ValidationError[],
): DriverTable | null {
  const head = checkWith(
    v.strictObject({
      id: key,
      unit: costUnit,
      columns: columnsSchema,
      rows: list('rows', CLAIM_LIMITS.rows),
    }),
    table,
    path,
    errors,
    'a cost table by driver (its fields: id, unit, columns, rows)',
  );
  if (head === null || !checkColumns(head.columns, ROW_FIELDS, path, errors)) return null;
  const [, currency = 'USD', period = 'year'] = COST_UNIT.exec(head.unit) ?? [];
  const rowSchema = v.strictObject({
    cost_driver: text(),
    note: v.optional(text(CLAIM_LIMITS.textLength)),
    ...Object.fromEntries(head.columns.map((c) => [c, money])),
  });
  const what = `a row (its fields: cost_driver, note and the columns ${head.columns.map((c) => `"${c}"`).join(', ')})`;
  let ok = true;
  const rows: DriverRow[] = [];
  let total: DriverRow | null = null;
  head.rows.forEach((raw, i) => {
    const row = checkWith(rowSchema, raw, [...path, 'rows', i], errors, what);
    if (row === null) {
      ok = false;
      return;
    }
    const record = row as Record<string, unknown>;
    const normal: DriverRow = {
      driver: row.cost_driver,
      amounts: head.columns.map((c) => ({ column: c, amount: record[c] as Dec })),
      note: row.note ?? null,
    };
    if (row.cost_driver.trim().toLowerCase() !== 'total') rows.push(normal);
    else if (total === null) total = normal;
    else {
      errors.push({
        path: formatPath([...path, 'rows', i, 'cost_driver']),
        message: 'a table can have only one "total" row',
      });
      ok = false;
    }
  });
  if (!ok) return null;
  const columns = head.columns.map((c) => ({ key: c, role: columnRole(c) }));
  return {
    kind: 'drivers',
    id: head.id,
    currency,
    period: period === 'month' ? 'month' : 'year',
    columns,
    rows,
    total,
  };
}
