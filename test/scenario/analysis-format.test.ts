/**
 * The optional `analysis` and `fx` sections of scenario format v1 (issue 6 items 3 and 5):
 * validation names the field path, documents fill the defaults only when a section is there (old
 * documents and links are unchanged), share links carry both under new keys, and reading a link
 * or file drops what no longer holds (a range on an input that is gone) with a message.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import { packScenario } from '../../src/scenario/link-pack';
import { validateScenario } from '../../src/scenario/validate-scenario';
import type { ScenarioDoc } from '../../src/scenario/document';
import {
  decodeScenarioLink,
  encodeScenarioLink,
  fromBase64Url,
  toBase64Url,
} from '../../src/scenario/link-codec';
import { DEFAULT_PRESET } from '../../src/scenario/presets';
import { validateOrRepair } from '../../src/scenario/repair-scenario';
import { pruneAnalysis, readAnalysisSettings } from '../../src/scenario/analysis-settings';
import { removeOption, moveStrategy } from '../../src/scenario/portfolio-edits';
import { isCalendarDate } from '../../src/scenario/currency-schema';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Json = any;

function docOf(input: unknown): ScenarioDoc {
  const v = validateScenario(input);
  if (!v.ok) throw new Error(JSON.stringify(v.errors));
  return v.document;
}

const BASE = docOf(DEFAULT_PRESET.scenario);
const HOURLY = 'option/llama-70b-h100/gpu.hourlyPerGpu';

/** The default scenario with an analysis section (and anything else merged in). */
function withAnalysis(analysis: Json, extra: Json = {}): Json {
  return { ...structuredClone(BASE), ...extra, analysis };
}

const UNCERTAINTY = {
  seed: 7,
  ranges: [
    { input: HOURLY, low: '2.5', likely: '3.99', high: '6' },
    { input: 'workload/support/tokensPerDay', low: 8e7, likely: 1.5e8, high: 4e8 },
  ],
};

function errorsOf(input: unknown): { path: string; message: string }[] {
  const v = validateScenario(input);
  if (v.ok) throw new Error('expected a rejection');
  return v.errors;
}

describe('the analysis section', () => {
  it('is optional: a document without it has no analysis key, and reads the defaults', () => {
    expect('analysis' in BASE).toBe(false);
    expect('fx' in BASE).toBe(false);
    const settings = readAnalysisSettings(BASE);
    expect(settings.strategyId).toBe('self-hosted');
    expect(settings.swing.toFixed()).toBe('0.2');
    expect(settings.uncertainty).toBeNull();
  });

  it('fills its defaults as decimal strings: swing 0.2, 10,000 samples, no ranges', () => {
    const doc = docOf(withAnalysis({ uncertainty: { seed: 42 } }));
    expect(doc.analysis).toEqual({
      swing: '0.2',
      uncertainty: { seed: '42', samples: '10000', ranges: [] },
    });
    const full = docOf(
      withAnalysis({ strategyId: 'self-hosted', swing: 0.3, uncertainty: UNCERTAINTY }),
    );
    expect(full.analysis).toEqual({
      strategyId: 'self-hosted',
      swing: '0.3',
      uncertainty: {
        seed: '7',
        samples: '10000',
        ranges: [
          { input: HOURLY, low: '2.5', likely: '3.99', high: '6' },
          {
            input: 'workload/support/tokensPerDay',
            low: '80000000',
            likely: '150000000',
            high: '400000000',
          },
        ],
      },
    });
    const settings = readAnalysisSettings(full);
    expect(settings.uncertainty?.seed).toBe(7);
    expect(settings.uncertainty?.samples).toBe(10000);
    expect(settings.uncertainty?.ranges[0]?.ref).toEqual({
      scope: 'option',
      id: 'llama-70b-h100',
      field: 'gpu.hourlyPerGpu',
    });
  });

  it.each([
    [{ swing: 0 }, 'analysis.swing', /above 0 and at most 1/],
    [{ swing: '1.5' }, 'analysis.swing', /above 0 and at most 1/],
    [{ strategyId: 'nope' }, 'analysis.strategyId', /no strategy has the id "nope"/],
    [{ strategyId: 'api' }, 'analysis.strategyId', /"api" is the baseline/],
    [{ uncertainty: {} }, 'analysis.uncertainty.seed', /is required/],
    [
      { uncertainty: { seed: -1 } },
      'analysis.uncertainty.seed',
      /at least 0 and at most 4294967295/,
    ],
    [{ uncertainty: { seed: 2 ** 32 } }, 'analysis.uncertainty.seed', /at most 4294967295/],
    [{ uncertainty: { seed: 1.5 } }, 'analysis.uncertainty.seed', /whole number/],
    [{ uncertainty: { seed: 1, samples: 99 } }, 'analysis.uncertainty.samples', /at least 100/],
    [
      { uncertainty: { seed: 1, samples: 100001 } },
      'analysis.uncertainty.samples',
      /at most 100000/,
    ],
    [{ other: 1 }, 'analysis.other', /is not a field of the scenario format/],
    [
      {
        uncertainty: {
          seed: 1,
          ranges: [{ input: 'option/gpt-5/name', low: 1, likely: 1, high: 1 }],
        },
      },
      'analysis.uncertainty.ranges[0].input',
      /"name" is not a numeric input of a option/,
    ],
    [
      {
        uncertainty: {
          seed: 1,
          ranges: [{ input: 'option/gone/inputPerM', low: 1, likely: 1, high: 1 }],
        },
      },
      'analysis.uncertainty.ranges[0].input',
      /"option\/gone\/inputPerM" is not an input of this scenario/,
    ],
    [
      {
        uncertainty: {
          seed: 1,
          ranges: [
            { input: 'option/llama-70b-h100/gpu.monthlyPerGpu', low: 1, likely: 1, high: 1 },
          ],
        },
      },
      'analysis.uncertainty.ranges[0].input',
      /is not an input of this scenario \(was its option or workload removed, or its GPU pricing mode changed\?\)/,
    ],
    [
      { uncertainty: { seed: 1, ranges: [{ input: HOURLY, low: 5, likely: 4, high: 6 }] } },
      'analysis.uncertainty.ranges[0]',
      /low 5, likely 4 and high 6 must be in order: low <= likely <= high/,
    ],
    [
      {
        uncertainty: {
          seed: 1,
          ranges: [
            { input: 'option/llama-70b-h100/targetUtilization', low: 0, likely: 0.5, high: 1 },
          ],
        },
      },
      'analysis.uncertainty.ranges[0].low',
      /must be above 0 \(the bounds of the target utilization\)/,
    ],
    [
      {
        uncertainty: {
          seed: 1,
          ranges: [{ input: 'option/llama-70b-h100/minReplicas', low: 1, likely: 1.5, high: 3 }],
        },
      },
      'analysis.uncertainty.ranges[0].likely',
      /must be a whole number/,
    ],
    [
      {
        uncertainty: {
          seed: 1,
          ranges: [
            { input: HOURLY, low: 1, likely: 2, high: 3 },
            { input: HOURLY, low: 1, likely: 2, high: 3 },
          ],
        },
      },
      'analysis.uncertainty.ranges[1].input',
      /already has a range, at analysis\.uncertainty\.ranges\[0\]/,
    ],
  ])('refuses %j with a message naming %s', (analysis, path, message) => {
    const errors = errorsOf(withAnalysis(analysis));
    const hit = errors.find((e) => e.path === path);
    expect(hit, JSON.stringify(errors)).toBeDefined();
    expect(hit?.message).toMatch(message);
  });

  it('refuses more than 100 ranges', () => {
    const ranges = Array.from({ length: 101 }, () => ({
      input: HOURLY,
      low: 1,
      likely: 2,
      high: 3,
    }));
    const errors = errorsOf(withAnalysis({ uncertainty: { seed: 1, ranges } }));
    expect(errors.find((e) => e.path === 'analysis.uncertainty.ranges')?.message).toMatch(
      /at most 100 ranges/,
    );
  });

  it('accepts a range of zero width and ranges at the very bounds of their input', () => {
    const doc = docOf(
      withAnalysis({
        uncertainty: {
          seed: 0,
          ranges: [
            { input: HOURLY, low: '3.99', likely: '3.99', high: '3.99' },
            {
              input: 'option/llama-70b-h100/targetUtilization',
              low: '0.01',
              likely: '1',
              high: '1',
            },
            { input: 'settings/discountRatePerYear', low: 0, likely: 0.08, high: 1 },
            {
              input: 'option/llama-70b-h100/engineeringFte.1.fromTokensPerDay',
              low: 5e8,
              likely: 1e9,
              high: 4e9,
            },
          ],
        },
      }),
    );
    expect(doc.analysis?.uncertainty?.ranges).toHaveLength(4);
  });
});

describe('the fx section', () => {
  const FX = { rateFromUsd: '0.92', asOf: '2026-07-31', source: 'as stated by finance' };

  it('is kept exactly, in a scenario whose currency is not USD', () => {
    const doc = docOf({
      ...structuredClone(BASE),
      currency: 'EUR',
      fx: { ...FX, rateFromUsd: 0.92 },
    });
    expect(doc.fx).toEqual(FX);
  });

  it.each([
    [{ ...FX, rateFromUsd: 0 }, 'fx.rateFromUsd', /above 0/],
    [{ ...FX, rateFromUsd: '-1' }, 'fx.rateFromUsd', /above 0/],
    [{ ...FX, asOf: '2026-02-30' }, 'fx.asOf', /YYYY-MM-DD/],
    [{ ...FX, asOf: '31/07/2026' }, 'fx.asOf', /YYYY-MM-DD/],
    [{ ...FX, source: '   ' }, 'fx.source', /where the rate comes from/],
    [{ ...FX, source: 'x'.repeat(201) }, 'fx.source', /at most 200 characters/],
    [{ rateFromUsd: '0.92', asOf: '2026-07-31' }, 'fx.source', /is required/],
    [{ ...FX, extra: 1 }, 'fx.extra', /is not a field/],
  ])('refuses %j with a message naming %s', (fx, path, message) => {
    const errors = errorsOf({ ...structuredClone(BASE), currency: 'EUR', fx });
    expect(errors.find((e) => e.path === path)?.message).toMatch(message);
  });

  it('is refused in a USD scenario: catalog values are already in USD', () => {
    expect(errorsOf({ ...structuredClone(BASE), fx: FX })).toEqual([
      {
        path: 'fx',
        message: 'applies only when the currency is not USD (catalog values are already in USD)',
      },
    ]);
  });

  it('dates are real calendar days', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('1900-02-29')).toBe(false);
    expect(isCalendarDate('2000-02-29')).toBe(true);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('2026-1-01')).toBe(false);
  });
});

/** The packed JSON inside a link (to check the keys used). */
function packedOf(link: string): Json {
  const bytes = fromBase64Url(link.slice(3));
  if (!bytes) throw new Error('bad link');
  return JSON.parse(strFromU8(inflateSync(bytes)));
}

describe('share links with the new sections', () => {
  const doc = docOf(
    withAnalysis(
      { strategyId: 'self-hosted', swing: '0.25', uncertainty: { ...UNCERTAINTY, samples: 2000 } },
      { currency: 'EUR', fx: { rateFromUsd: '0.92', asOf: '2026-07-31', source: 'finance' } },
    ),
  );

  it('round-trip exactly, under the new keys "a" and "f"', () => {
    const link = encodeScenarioLink(doc);
    expect(decodeScenarioLink(link, BASE)).toEqual({ kind: 'ok', doc, catalogRefs: {} });
    const packed = packedOf(link);
    expect(packed.f).toEqual({ r: 0.92, d: '2026-07-31', s: 'finance' });
    expect(packed.a).toEqual({
      s: 1,
      w: 0.25,
      u: {
        d: 7,
        n: 2000,
        r: [
          [HOURLY, 2.5, 3.99, 6],
          ['workload/support/tokensPerDay', 80000000, 150000000, 400000000],
        ],
      },
    });
  });

  it('leave defaults out of the link', () => {
    const plain = docOf(withAnalysis({ uncertainty: { seed: 5 } }));
    expect(packedOf(encodeScenarioLink(plain)).a).toEqual({ u: { d: 5 } });
    expect(decodeScenarioLink(encodeScenarioLink(plain), BASE)).toEqual({
      kind: 'ok',
      doc: plain,
      catalogRefs: {},
    });
  });

  it('a link without them packs exactly as before (no "a" or "f" key)', () => {
    const packed = packedOf(encodeScenarioLink(BASE));
    expect(Object.keys(packed).sort()).toEqual(['n', 'o', 't', 'w']);
  });

  it('round-trip any seed, sample count, swing and ranges', () => {
    const value = fc.integer({ min: 0, max: 10_000 }).map((n) => (n / 100).toFixed(2));
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        fc.integer({ min: 100, max: 100_000 }),
        fc.integer({ min: 1, max: 100 }),
        fc.uniqueArray(
          fc.constantFrom(HOURLY, 'option/gpt-5/outputPerM', 'option/gpt-5/inputPerM'),
          {
            maxLength: 3,
          },
        ),
        fc.array(fc.tuple(value, value, value), { minLength: 3, maxLength: 3 }),
        (seed, samples, swing, inputs, values) => {
          const ranges = inputs.map((input, i) => {
            const [a, b, c] = (values[i] ?? ['1', '1', '1']).map(Number).sort((x, y) => x - y);
            return { input, low: String(a), likely: String(b), high: String(c) };
          });
          const d = docOf(
            withAnalysis({ swing: String(swing / 100), uncertainty: { seed, samples, ranges } }),
          );
          expect(decodeScenarioLink(encodeScenarioLink(d), BASE)).toEqual({
            kind: 'ok',
            doc: d,
            catalogRefs: {},
          });
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('reading links and files: what no longer holds is dropped, with a message', () => {
  it('drops a range whose input is gone and keeps the rest', () => {
    const input = withAnalysis({
      uncertainty: {
        seed: 3,
        ranges: [
          { input: 'option/gone/outputPerM', low: 1, likely: 2, high: 3 },
          { input: HOURLY, low: 2, likely: 3, high: 4 },
          { input: 'option/gpt-5/outputPerM', low: 9, likely: 8, high: 10 },
        ],
      },
    });
    const r = validateOrRepair(input, BASE);
    expect(r.kind).toBe('repaired');
    if (r.kind !== 'repaired') return;
    expect(r.doc.analysis?.uncertainty?.ranges).toEqual([
      { input: HOURLY, low: '2', likely: '3', high: '4' },
    ]);
    expect(r.problems).toEqual([
      {
        path: 'analysis.uncertainty.ranges[0].input',
        message:
          '"option/gone/outputPerM" is not an input of this scenario (was its option or workload removed, or its GPU pricing mode changed?); this range was dropped',
      },
      {
        path: 'analysis.uncertainty.ranges[2]',
        message:
          'low 9, likely 8 and high 10 must be in order: low <= likely <= high; this range was dropped',
      },
    ]);
  });

  it('through a share link too', () => {
    const bad = withAnalysis({
      strategyId: 'self-hosted',
      uncertainty: {
        seed: 3,
        ranges: [{ input: 'option/gone/outputPerM', low: 1, likely: 2, high: 3 }],
      },
    });
    // Encode a document that is valid, then point its range at an option that does not exist.
    const good = docOf({
      ...bad,
      analysis: { ...bad.analysis, uncertainty: { seed: 3, ranges: [] } },
    });
    const link = encodeScenarioLink({
      ...good,
      analysis: {
        ...good.analysis,
        uncertainty: { ...bad.analysis.uncertainty, seed: '3', samples: '10000' },
      },
    } as ScenarioDoc);
    const r = decodeScenarioLink(link, BASE);
    expect(r.kind).toBe('repaired');
    if (r.kind !== 'repaired') return;
    expect(r.doc.analysis).toEqual({
      strategyId: 'self-hosted',
      swing: '0.2',
      uncertainty: { seed: '3', samples: '10000', ranges: [] },
    });
    expect(r.problems[0]?.path).toBe('analysis.uncertainty.ranges[0].input');
    expect(r.problems[0]?.message).toMatch(/this range was dropped$/);
  });

  it('drops a bad exchange rate, an unknown strategy (back to the default) and a bad seed', () => {
    const r = validateOrRepair(
      withAnalysis(
        { strategyId: 'gone', swing: 7, uncertainty: { seed: 'x', ranges: [] } },
        { currency: 'EUR', fx: { rateFromUsd: -1, asOf: '2026-07-31', source: 's' } },
      ),
      BASE,
    );
    expect(r.kind).toBe('repaired');
    if (r.kind !== 'repaired') return;
    expect(r.doc.fx).toBeUndefined();
    expect(r.doc.analysis).toEqual({ swing: '0.2' });
    expect(r.doc.currency).toBe('EUR');
    expect(r.problems.map((p) => p.path).sort()).toEqual([
      'analysis.strategyId',
      'analysis.swing',
      'analysis.uncertainty.seed',
      'fx.rateFromUsd',
    ]);
    for (const p of r.problems) expect(p.message).toMatch(/dropped/);
  });

  it('an analysis that is not an object is dropped whole', () => {
    const r = validateOrRepair(withAnalysis('nonsense'), BASE);
    expect(r.kind).toBe('repaired');
    if (r.kind === 'repaired') expect('analysis' in r.doc).toBe(false);
  });
});

describe('pruneAnalysis after an edit', () => {
  const doc = docOf(
    withAnalysis({
      strategyId: 'self-hosted',
      uncertainty: {
        seed: 1,
        ranges: [
          { input: HOURLY, low: 2, likely: 3, high: 4 },
          { input: 'option/gpt-5/outputPerM', low: 8, likely: 10, high: 12 },
        ],
      },
    }),
  );

  it('drops the ranges of a removed option', () => {
    const edited = removeOption(doc, 'gpt-5');
    const pruned = pruneAnalysis(edited);
    expect(pruned.doc.analysis?.uncertainty?.ranges.map((r) => r.input)).toEqual([HOURLY]);
    expect(pruned.dropped).toHaveLength(1);
    expect(pruned.dropped[0]?.message).toMatch(/this range was dropped/);
  });

  it('drops the strategy analysed when it became the baseline', () => {
    const pruned = pruneAnalysis(moveStrategy(doc, 1, -1));
    expect(pruned.doc.analysis?.strategyId).toBeUndefined();
    expect(validateScenario(pruned.doc).ok).toBe(true);
    expect(readAnalysisSettings(pruned.doc).strategyId).toBe('api');
  });

  it('leaves a valid document as the very same object, and values being typed alone', () => {
    expect(pruneAnalysis(doc).doc).toBe(doc);
    const typing = structuredClone(doc);
    const range = typing.analysis?.uncertainty?.ranges[0];
    if (range) range.low = '9';
    expect(pruneAnalysis(typing).doc).toBe(typing);
  });
});

describe('anything in the new sections', () => {
  it('never throws, and a link or file with any analysis or fx is read, those parts dropped if need be', () => {
    const junk = fc.anything({ maxDepth: 3 });
    const shaped = fc.record(
      {
        strategyId: fc.oneof(fc.constantFrom('api', 'self-hosted', 'x'), junk),
        swing: fc.oneof(fc.double(), fc.string(), junk),
        uncertainty: fc.oneof(
          junk,
          fc.record(
            {
              seed: fc.oneof(fc.integer(), junk),
              samples: fc.oneof(fc.integer(), junk),
              ranges: fc.oneof(
                junk,
                fc.array(
                  fc.record({
                    input: fc.oneof(
                      fc.constantFrom(HOURLY, 'option/gpt-5/outputPerM', 'x/y'),
                      junk,
                    ),
                    low: fc.oneof(fc.double(), junk),
                    likely: fc.oneof(fc.double(), junk),
                    high: fc.oneof(fc.double(), junk),
                  }),
                  { maxLength: 4 },
                ),
              ),
            },
            { requiredKeys: [] },
          ),
        ),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(
        fc.oneof(junk, shaped),
        fc.oneof(
          junk,
          fc.record({ rateFromUsd: fc.double(), asOf: fc.string(), source: fc.string() }),
        ),
        fc.boolean(),
        (analysis, fx, eur) => {
          const input = { ...structuredClone(BASE), currency: eur ? 'EUR' : 'USD', analysis, fx };
          const r = validateOrRepair(input, BASE);
          expect(r.kind === 'ok' || r.kind === 'repaired', JSON.stringify(r)).toBe(true);
          if (r.kind === 'ok' || r.kind === 'repaired')
            expect(validateScenario(r.doc).ok).toBe(true);
          // The packed link sections themselves hold anything.
          const packed = { ...packScenario(BASE), a: analysis, f: fx };
          const link = `s1.${toBase64Url(deflateSync(strToU8(JSON.stringify(packed))))}`;
          const d = decodeScenarioLink(link, BASE);
          expect(d.kind === 'ok' || d.kind === 'repaired', JSON.stringify(d)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
