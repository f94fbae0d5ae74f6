import * as v from 'valibot';
import { describe } from '../decimal-field';
import { formatPath } from '../validation-error';
import type { ValidationError } from '../validation-error';

/**
 * Valibot issues as `{ path, message }` in plain words, the path prefixed with where the checked
 * value sits in the document (`tables[0].tiers[1].tokens_per_day`).
 */
export type PathKey = string | number;

/** Keys that could reach an object's prototype if later code copied them. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
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
  for (const issue of parsed.issues) errors.push(toError(issue, prefix, what));
  return null;
}

function toError(
  issue: v.BaseIssue<unknown>,
  prefix: readonly PathKey[],
  what: string,
): ValidationError {
  const keys = (issue.path ?? []).map((p) => p.key as PathKey);
  const path = formatPath([...prefix, ...keys]);
  if (!issue.message.startsWith('Invalid ')) return { path, message: issue.message };
  if (issue.type === 'strict_object' && issue.expected === 'never') {
    return { path, message: `is not a field of ${what}` };
  }
  if (issue.received === 'undefined') return { path, message: 'is required' };
  if (issue.kind === 'schema' && issue.expected === 'Object') {
    return { path, message: `must be an object, got ${describe(issue.input)}` };
  }
  if (issue.kind === 'schema' && issue.expected === 'Array') {
    return { path, message: `must be a list, got ${describe(issue.input)}` };
  }
  return { path, message: `must be ${issue.expected ?? 'valid'}, got ${describe(issue.input)}` };
}

/** Field names that are not allowed anywhere, and nesting deeper than `MAX_DEPTH`. */
export function findForbiddenKeys(
  input: unknown,
  prefix: readonly PathKey[] = [],
): ValidationError[] {
  const errors: ValidationError[] = [];
  const stack: { value: unknown; path: PathKey[] }[] = [{ value: input, path: [...prefix] }];
  while (stack.length > 0 && errors.length < MAX_ERRORS) {
    const { value, path } = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (path.length - prefix.length > MAX_DEPTH) {
      errors.push({ path: formatPath(path), message: `is nested deeper than ${MAX_DEPTH} levels` });
      continue;
    }
    if (Array.isArray(value)) {
      value.forEach((item, index) => stack.push({ value: item, path: [...path, index] }));
      continue;
    }
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) {
        errors.push({
          path: formatPath([...path, key]),
          message: `"${key}" is not allowed as a field name`,
        });
      } else {
        stack.push({ value: (value as Record<string, unknown>)[key], path: [...path, key] });
      }
    }
  }
  return errors;
}
