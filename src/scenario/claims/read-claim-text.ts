import { findJsonSyntaxError } from '../files/json-syntax';
import { readClaimSources } from './read-claim-source';
import type { ClaimSourcesResult } from './read-claim-source';

/** Pasted text longer than this (in characters) is refused before parsing. */
export const MAX_CLAIM_TEXT_CHARS = 256 * 1024;

/**
 * Reads the text a user pastes: JSON holding one source (the shape of a source in
 * `published-claims.json`) or a whole claims file. Never throws; a syntax error is reported with
 * its line and column, and every other problem with the path of the field.
 *
 * @example readClaimText('{"id": "x", "tables": [}')
 * // { ok: false, errors: [{ path: '', message: 'not valid JSON at line 1, column 23: expected a value' }] }
 */
export function readClaimText(text: string): ClaimSourcesResult {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (body.trim() === '') {
    return {
      ok: false,
      errors: [
        {
          path: '',
          message: 'is empty: paste a source as JSON (an object with "tables" or "claims")',
        },
      ],
    };
  }
  if (body.length > MAX_CLAIM_TEXT_CHARS) {
    return {
      ok: false,
      errors: [
        {
          path: '',
          message: `is ${body.length.toLocaleString('en-US')} characters, over the ${MAX_CLAIM_TEXT_CHARS.toLocaleString('en-US')} a source can be`,
        },
      ],
    };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    const where = findJsonSyntaxError(body);
    const message =
      where === null
        ? 'is not valid JSON'
        : `is not valid JSON at line ${where.line}, column ${where.column}: ${where.problem}`;
    return { ok: false, errors: [{ path: '', message }] };
  }
  return readClaimSources(parsed);
}
