import type * as v from 'valibot';
import { describe } from './decimal-field';
import { formatPath } from './validation-error';
import type { ValidationError } from './validation-error';

/**
 * What every reader of untrusted JSON (a scenario, a user's cost table) checks before and after
 * its schema: no key that could reach an object's prototype, no absurd nesting, and valibot's
 * issues as `{ path, message }` in plain words.
 */
export type PathKey = string | number;

/** Keys that could reach an object's prototype if later code copied them. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * `__proto__`, `constructor` and `prototype` anywhere, and nesting deeper than `maxDepth` below
 * `prefix` (where the value sits in the document), at most `maxErrors` of them.
 */
export function findForbiddenKeys(
  input: unknown,
  {
    maxDepth,
    maxErrors,
    prefix = [],
  }: { maxDepth: number; maxErrors: number; prefix?: readonly PathKey[] },
): ValidationError[] {
  const errors: ValidationError[] = [];
  const stack: { value: unknown; path: PathKey[] }[] = [{ value: input, path: [...prefix] }];
  while (stack.length > 0 && errors.length < maxErrors) {
    const { value, path } = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (path.length - prefix.length > maxDepth) {
      errors.push({ path: formatPath(path), message: `is nested deeper than ${maxDepth} levels` });
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

/**
 * A valibot issue in plain words, its path prefixed with where the checked value sits; an unknown
 * field "is not a field of <what>".
 */
export function issueToError(
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
