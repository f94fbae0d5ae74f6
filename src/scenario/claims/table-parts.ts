import * as v from 'valibot';
import { formatPath } from '../validation-error';
import type { ValidationError } from '../validation-error';
import type { PathKey } from './claim-issues';
import { CLAIM_LIMITS, key } from './claim-schema';

/* Pieces every table reader uses: column lists, lists of rows, records of fields. */

export const columnsSchema = v.pipe(
  v.array(key, 'must be a list of column names'),
  v.minLength(1, 'must name at least one column'),
  v.maxLength(CLAIM_LIMITS.columns, `must have at most ${CLAIM_LIMITS.columns} columns`),
);
/** A record of fields: an object, never a list (valibot's record would take a list's indexes). */
export const fieldsOf = <T extends v.GenericSchema>(value: T, message: string) =>
  v.pipe(
    v.custom<Record<string, unknown>>(
      (x) => x !== null && typeof x === 'object' && !Array.isArray(x),
      message,
    ),
    v.record(key, value, message),
  );
export const list = (what: string, max: number) =>
  v.pipe(
    v.array(v.unknown(), `must be a list of ${what}`),
    v.minLength(1, `must have at least one of the ${what}`),
    v.maxLength(max, `must have at most ${max} ${what}`),
  );

/** Column names: unique, and none that a tier or row uses for itself. */
export function checkColumns(
  columns: readonly string[],
  reserved: Set<string>,
  path: readonly PathKey[],
  errors: ValidationError[],
): boolean {
  const before = errors.length;
  columns.forEach((c, i) => {
    if (reserved.has(c))
      errors.push({
        path: formatPath([...path, 'columns', i]),
        message: `"${c}" is a field name of the table itself; name the column differently`,
      });
    else if (columns.indexOf(c) !== i)
      errors.push({
        path: formatPath([...path, 'columns', i]),
        message: `"${c}" is already column ${columns.indexOf(c)}`,
      });
  });
  return errors.length === before;
}
