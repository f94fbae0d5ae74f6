import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { deflateSync, strToU8 } from 'fflate';
import {
  LINK_VERSION,
  MAX_LINK_CHARS,
  decodeScenarioLink,
  encodeScenarioLink,
  fromBase64Url,
  toBase64Url,
} from '../../src/scenario/link-codec';
import type { LinkDecodeResult } from '../../src/scenario/link-codec';
import { validateScenario } from '../../src/scenario/validate-scenario';
import type { ScenarioDoc } from '../../src/scenario/document';
import { PRESETS, DEFAULT_PRESET } from '../../src/scenario/presets';
import { setAt } from '../../src/scenario/doc-path';

function docOf(input: unknown): ScenarioDoc {
  const v = validateScenario(input);
  if (!v.ok) throw new Error(JSON.stringify(v.errors));
  return v.document;
}
const fallback = docOf(DEFAULT_PRESET.scenario);
const KINDS = new Set(['empty', 'ok', 'repaired', 'error']);

function expectWellFormed(result: LinkDecodeResult) {
  expect(KINDS.has(result.kind)).toBe(true);
  if (result.kind === 'ok' || result.kind === 'repaired') {
    expect(validateScenario(result.doc).ok).toBe(true);
  }
  if (result.kind === 'error') expect(result.message.length).toBeGreaterThan(10);
}

describe('share links: round trip', () => {
  it.each(PRESETS.map((p) => [p.id, p] as const))(
    '%s decodes to the same scenario',
    (_, preset) => {
      const doc = docOf(preset.scenario);
      const link = encodeScenarioLink(doc);
      expect(link).toMatch(new RegExp(`^s${LINK_VERSION}\\.[A-Za-z0-9_-]+$`));
      expect(decodeScenarioLink(`#${link}`, fallback)).toEqual({
        kind: 'ok',
        doc,
        catalogRefs: {},
      });
    },
  );

  const numericPaths: (string | number)[][] = [
    ['workloads', 0, 'tokensPerDay'],
    ['workloads', 0, 'inputShare'],
    ['workloads', 0, 'growthPerMonth'],
    ['options', 0, 'inputPerM'],
    ['options', 0, 'outputPerM'],
    ['options', 1, 'gpu', 'hourlyPerGpu'],
    ['options', 1, 'targetUtilization'],
    ['settings', 'discountRatePerYear'],
  ];

  it('round-trips any edit of the default scenario exactly (decimal strings included)', () => {
    const share = fc
      .tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 6 }))
      .map(([n, scale]) => (n / 10 ** scale).toFixed(scale));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...numericPaths), share), { maxLength: 6 }),
        fc.string({ maxLength: 40 }),
        (edits, name) => {
          let input: unknown = setAt(fallback, ['name'], name);
          for (const [path, value] of edits) {
            const v = path.includes('tokensPerDay') ? String(Number(value) * 1e6) : value;
            const safe =
              path.includes('inputShare') ||
              path.includes('targetUtilization') ||
              path.includes('discountRatePerYear')
                ? String(Math.min(1, Number(v)) || 0.5)
                : v;
            input = setAt(input, path, safe);
          }
          const v = validateScenario(input);
          if (!v.ok) return; // the edit itself is out of bounds: nothing to share
          const doc = v.document;
          expect(decodeScenarioLink(encodeScenarioLink(doc), fallback)).toEqual({
            kind: 'ok',
            doc,
            catalogRefs: {},
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('carries which catalog entries the numbers came from, so a shared scenario keeps its sources', () => {
    const link = encodeScenarioLink(fallback, DEFAULT_PRESET.catalogRefs);
    const result = decodeScenarioLink(link, fallback);
    expect(result).toEqual({ kind: 'ok', doc: fallback, catalogRefs: DEFAULT_PRESET.catalogRefs });
    // Malformed references are dropped, never fatal: the numbers are in the link either way.
    const tampered = setAt(DEFAULT_PRESET.catalogRefs, ['gpt-5', 'apiModelId'], 'NOT AN ID');
    const again = decodeScenarioLink(encodeScenarioLink(fallback, tampered), fallback);
    expect(again.kind).toBe('ok');
    if (again.kind === 'ok') expect(again.catalogRefs['gpt-5']).toBeUndefined();
  });

  it('base64url is the inverse of itself on any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(fromBase64Url(toBase64Url(bytes))).toEqual(bytes);
      }),
      { numRuns: 500 },
    );
  });
});

describe('share links: released formats keep working (frozen fixtures)', () => {
  const dir = 'test/fixtures/links';
  const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
  it('has a fixture for every released link format', () => {
    for (let v = 1; v <= LINK_VERSION; v++)
      expect(files.some((f) => f.startsWith(`v${v}-`))).toBe(true);
  });
  it.each(files)('%s decodes to its recorded scenario', (file) => {
    const fixture = JSON.parse(readFileSync(`${dir}/${file}`, 'utf8')) as {
      link: string;
      document: ScenarioDoc;
    };
    expect(decodeScenarioLink(fixture.link, fallback)).toEqual({
      kind: 'ok',
      doc: fixture.document,
      catalogRefs: {},
    });
  });
});

describe('share links: old, damaged and hostile links', () => {
  const good = encodeScenarioLink(fallback);
  const body = good.slice(3);
  const packed = (value: unknown) =>
    `s1.${toBase64Url(deflateSync(strToU8(JSON.stringify(value))))}`;

  it.each([
    ['a truncated link', good.slice(0, Math.floor(good.length / 2)), /damaged/],
    ['a link cut by one character', good.slice(0, -1), /damaged/],
    [
      'a tampered character',
      `s1.${body.slice(0, 10)}${body[10] === 'A' ? 'B' : 'A'}${body.slice(11)}`,
      /damaged|cannot accept|reset/,
    ],
    [
      'characters outside base64url',
      `s1.${body.slice(0, 20)}*${body.slice(21)}`,
      /not valid base64url/,
    ],
    ['a newer link format', `s${LINK_VERSION + 1}.${body}`, /newer version/],
    ['no version prefix', body, /does not hold a scenario/],
    ['an oversized link', `s1.${'A'.repeat(MAX_LINK_CHARS + 1)}`, /over the 65,536/],
    [
      'valid compression of junk',
      `s1.${toBase64Url(deflateSync(strToU8('not json')))}`,
      /not readable/,
    ],
    ['a scenario that is a list', packed([1, 2, 3]), /cannot accept/],
    [
      'an object that is not a packed scenario',
      packed({ format: 'llm-tco-scenario', workloads: [] }),
      /cannot accept/,
    ],
  ])('%s gets a clear message, and never throws', (_, link, message) => {
    const result = decodeScenarioLink(link, fallback);
    expectWellFormed(result);
    if (result.kind === 'error') expect(result.message).toMatch(message);
    else expect(result.kind).toBe('repaired');
  });

  it('keeps the valid parts of a link with a bad field, and says what was reset', () => {
    const broken = setAt(
      setAt(fallback, ['workloads', 0, 'inputShare'], '7'),
      ['options', 0, 'outputPerM'],
      'NaN',
    );
    const link = encodeScenarioLink(broken);
    const result = decodeScenarioLink(link, fallback);
    expect(result.kind).toBe('repaired');
    if (result.kind !== 'repaired') return;
    expect(result.problems.map((p) => p.path).sort()).toEqual([
      'options[0].outputPerM',
      'workloads[0].inputShare',
    ]);
    expect(result.doc.workloads[0]?.inputShare).toBe(fallback.workloads[0]?.inputShare);
    expect(result.doc.options[0]).toMatchObject({ outputPerM: '10' });
  });

  it('refuses a deflate bomb without running out of memory', () => {
    const bomb = `s1.${toBase64Url(deflateSync(new Uint8Array(20 * 1024 * 1024)))}`;
    expect(bomb.length).toBeLessThan(MAX_LINK_CHARS);
    const result = decodeScenarioLink(bomb, fallback);
    expect(result.kind).toBe('error');
  });

  it('never throws on 10,000 random strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) =>
        expectWellFormed(decodeScenarioLink(text, fallback)),
      ),
      { numRuns: 5_000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) =>
        expectWellFormed(decodeScenarioLink(`s1.${text}`, fallback)),
      ),
      { numRuns: 5_000 },
    );
  });

  it('never throws on 5,000 mutations of a valid link', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.nat({ max: good.length - 1 }),
            fc.constantFrom(...alphabet.split('')),
            fc.constantFrom('replace', 'delete', 'insert'),
          ),
          { minLength: 1, maxLength: 4 },
        ),
        (mutations) => {
          let link = good;
          for (const [at, ch, op] of mutations) {
            const i = Math.max(3, at);
            link =
              op === 'replace'
                ? link.slice(0, i) + ch + link.slice(i + 1)
                : op === 'delete'
                  ? link.slice(0, i) + link.slice(i + 1)
                  : link.slice(0, i) + ch + link.slice(i);
          }
          expectWellFormed(decodeScenarioLink(link, fallback));
        },
      ),
      { numRuns: 5_000 },
    );
  });
});
