import type { ClaimTable } from '../../core/claim-audit-source-types';
import { describe } from '../decimal-field';
import { formatPath } from '../validation-error';
import type { ValidationError } from '../validation-error';
import type { PathKey } from './claim-issues';
import { readDriverTable } from './read-driver-table';
import { readRowTable } from './read-row-table';
import { readTierTable } from './read-tier-table';

/**
 * Reads one table of a source into the audit's normalised types, or adds errors (with paths
 * under `path`) and returns null. The kind follows the shape: `tiers` is a cost table by volume;
 * `rows` with `columns` a cost table by driver; `rows` alone a price list ("USD per 1M
 * tokens"), a hardware table (rows with `minimum_gpu`) or any other table (listed only).
 */
export function readClaimTable(
  input: unknown,
  path: readonly PathKey[],
  errors: ValidationError[],
): ClaimTable | null {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    errors.push({
      path: formatPath(path),
      message: `must be a table (an object), got ${describe(input)}`,
    });
    return null;
  }
  const table = input as Record<string, unknown>;
  if (Object.hasOwn(table, 'tiers')) return readTierTable(table, path, errors);
  if (Object.hasOwn(table, 'rows') && Object.hasOwn(table, 'columns'))
    return readDriverTable(table, path, errors);
  if (Object.hasOwn(table, 'rows')) return readRowTable(table, path, errors);
  errors.push({
    path: formatPath(path),
    message:
      'must have "tiers" (a cost table by volume) or "rows" (a table by cost driver, a price list or another table)',
  });
  return null;
}
