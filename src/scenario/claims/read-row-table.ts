import * as v from 'valibot';
import type { HardwareTable, OtherTable, PriceTable } from '../../core/claim-audit-source-types';
import type { ValidationError } from '../validation-error';
import { checkWith } from './claim-issues';
import type { PathKey } from './claim-issues';
import { CLAIM_LIMITS, PRICE_UNIT, key, money, text } from './claim-schema';
import { fieldsOf, list } from './table-parts';

/**
 * A table of `rows` without `columns`: a price list when its unit is "USD per 1M tokens" (rows of
 * `model`, `input`, `output`), a hardware table when rows have `minimum_gpu`, else any table of
 * plain fields, listed with nothing to re-derive.
 */
export function readRowTable(
  table: Record<string, unknown>,
  path: readonly PathKey[],
  errors: ValidationError[],
): PriceTable | HardwareTable | OtherTable | null {
  const head = checkWith(
    v.strictObject({ id: key, unit: text(), rows: list('rows', CLAIM_LIMITS.rows) }),
    table,
    path,
    errors,
    'a table of rows (its fields: id, unit, rows; add "columns" for a cost table by driver)',
  );
  if (head === null) return null;
  const price = PRICE_UNIT.exec(head.unit);
  if (price !== null) {
    const rowSchema = v.strictObject({
      model: text(),
      input: money,
      output: money,
      note: v.optional(text(CLAIM_LIMITS.textLength)),
    });
    const rows = head.rows.map((raw, i) =>
      checkWith(
        rowSchema,
        raw,
        [...path, 'rows', i],
        errors,
        'a price row (its fields: model, input, output, note)',
      ),
    );
    if (rows.some((r) => r === null)) return null;
    return {
      kind: 'prices',
      id: head.id,
      currency: price[1] ?? 'USD',
      rows: rows.map((r) => ({
        name: r!.model,
        inputPerM: r!.input,
        outputPerM: r!.output,
        note: r!.note ?? null,
      })),
    };
  }
  const scalar = v.union(
    [v.string(), v.number(), v.boolean(), v.null()],
    'must be text, a number, true/false or null',
  );
  const otherRow = fieldsOf(scalar, 'must be an object of fields');
  const isHardware = head.rows.some(
    (r) => r !== null && typeof r === 'object' && Object.hasOwn(r, 'minimum_gpu'),
  );
  if (isHardware) {
    const rowSchema = v.looseObject({
      model_size: text(),
      minimum_gpu: text(),
      recommended_gpu: v.optional(text()),
    });
    const rows = head.rows.map((raw, i) => {
      const at = [...path, 'rows', i];
      const row = checkWith(rowSchema, raw, at, errors, 'a hardware row');
      return row !== null && checkWith(otherRow, raw, at, errors, 'a hardware row') !== null
        ? row
        : null;
    });
    if (rows.some((r) => r === null)) return null;
    return {
      kind: 'hardware',
      id: head.id,
      unit: head.unit,
      rows: rows.map((r) => ({
        modelSize: r!.model_size,
        minimumGpu: r!.minimum_gpu,
        recommendedGpu: r!.recommended_gpu ?? null,
      })),
    };
  }
  const rows = head.rows.map((raw, i) =>
    checkWith(otherRow, raw, [...path, 'rows', i], errors, 'a row'),
  );
  if (rows.some((r) => r === null)) return null;
  const fields = [...new Set(rows.flatMap((r) => Object.keys(r ?? {})))];
  return { kind: 'other', id: head.id, unit: head.unit, rowCount: rows.length, fields };
}
