import * as v from 'valibot';
import { findForbiddenKeys as findForbidden, issueToError } from '../untrusted-input';
import type { PathKey } from '../untrusted-input';
import type { ValidationError } from '../validation-error';

/**
 * Valibot issues as `{ path, message }` in plain words, the path prefixed with where the checked
 * value sits in the document (`tables[0].tiers[1].tokens_per_day`).
 */
export type { PathKey };

export const MAX_DEPTH = 16;
export const MAX_ERRORS = 50;

/** Runs a schema on a value; on failure adds its issues (prefixed) to `errors` and returns null. */
export function checkWith<S extends v.GenericSchema>(
  schema: S,
  value: unknown,
  prefix: readonly PathKey[],
  errors: ValidationError[],
  what: string,
): v.InferOutput<S> | null {
  const parsed = v.safeParse(schema, value, { abortEarly: false });
  if (parsed.success) return parsed.output;
  for (const issue of parsed.issues) errors.push(issueToError(issue, prefix, what));
  return null;
}

/** Field names that are not allowed anywhere, and nesting deeper than `MAX_DEPTH`. */
export function findForbiddenKeys(
  input: unknown,
  prefix: readonly PathKey[] = [],
): ValidationError[] {
  return findForbidden(input, { maxDepth: MAX_DEPTH, maxErrors: MAX_ERRORS, prefix });
}
