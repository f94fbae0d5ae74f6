import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import published from '../../src/scenario/catalog/published-claims.json';
import { auditSource } from '../../src/core/claim-audit-source';
import { readClaimSources } from '../../src/scenario/claims/read-claim-source';
import { readClaimText } from '../../src/scenario/claims/read-claim-text';

type Json = unknown;

/** Reading and, when read, auditing: neither may throw, whatever the input. */
function readAndAudit(input: unknown): void {
  const read = readClaimSources(input);
  expect(typeof read.ok).toBe('boolean');
  if (read.ok) {
    for (const source of read.sources) auditSource(source);
  } else {
    expect(read.errors.length).toBeGreaterThan(0);
    for (const e of read.errors) {
      expect(typeof e.path).toBe('string');
      expect(e.message.length).toBeGreaterThan(0);
    }
  }
}

/** Replaces the value at a random path of a JSON value with `value`. */
function mutate(root: Json, picks: readonly number[], value: Json): Json {
  const copy = structuredClone(root) as Json;
  let node = copy;
  for (let i = 0; i < picks.length; i++) {
    if (node === null || typeof node !== 'object') break;
    const keys = Object.keys(node);
    if (keys.length === 0) break;
    const key = keys[picks[i]! % keys.length]!;
    const child = (node as Record<string, Json>)[key];
    if (i === picks.length - 1 || child === null || typeof child !== 'object') {
      (node as Record<string, Json>)[key] = value;
      break;
    }
    node = child;
  }
  return copy;
}

describe('reading claim tables never throws', () => {
  it('on random JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => readAndAudit(value)),
      { numRuns: 300 },
    );
  });

  it('on random text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const read = readClaimText(text);
        expect(read.ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('on published sources with one value replaced anywhere', () => {
    const weird = fc.oneof(
      fc.jsonValue(),
      fc.constantFrom<Json>(
        -1,
        0,
        '',
        '1e400',
        'NaN',
        '-0',
        1e21,
        [],
        {},
        null,
        '0.0000001',
        '99999999999999999999',
      ),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: published.sources.length - 1 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
        weird,
        (index, picks, value) =>
          readAndAudit(mutate(published.sources[index] as Json, picks, value)),
      ),
      { numRuns: 500 },
    );
  });

  it('on deeply nested input', () => {
    let deep: Json = 1;
    for (let i = 0; i < 5000; i++) deep = [deep];
    readAndAudit({ id: 'x', tables: [deep] });
    expect(readClaimText(`${'['.repeat(3000)}${']'.repeat(3000)}`).ok).toBe(false);
  });
});
