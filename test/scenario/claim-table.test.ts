import { describe, expect, it } from 'vitest';
import published from '../../src/scenario/catalog/published-claims.json';
import { columnRole } from '../../src/scenario/claims/column-role';
import { publishedClaimSources } from '../../src/scenario/claims/published-claim-sources';
import { readClaimSources } from '../../src/scenario/claims/read-claim-source';
import { readClaimText } from '../../src/scenario/claims/read-claim-text';
import type { ValidationError } from '../../src/scenario/validation-error';

type Obj = Record<string, unknown>;

/** A small, valid user source: one monthly table by volume with two tiers. */
function goodSource(): Obj {
  return {
    id: 'vendor',
    title: 'Vendor table',
    tables: [
      {
        id: 'monthly',
        unit: 'USD per month',
        columns: ['self_hosted', 'api'],
        tiers: [
          {
            tokens_per_day: 10_000_000,
            self_hosted: { compute: 3500, engineering: '5000', engineering_fte: 0.25, total: 8500 },
            api: { api_costs: 9000, total: 9000 },
            verdict: 'Roughly equivalent.',
          },
          {
            tokens_per_day: '100000000',
            self_hosted: { compute: 18000, engineering: 20000, engineering_fte: 1, total: 38000 },
            api: { api_costs: 90000, total: 90000 },
          },
        ],
      },
    ],
    claims: [
      {
        id: 'c1',
        text: 'Self-hosting wins from 30M tokens/day.',
        tokens_per_day_low: 30e6,
        tokens_per_day_high: 30e6,
      },
    ],
  };
}

/** The errors of reading `input`, failing the test if it is accepted. */
function errorsOf(input: unknown): ValidationError[] {
  const read = readClaimSources(input);
  if (read.ok) throw new Error('accepted');
  return read.errors;
}

/** `goodSource()` with one change made by `edit`. */
function edited(edit: (s: Obj) => void): Obj {
  const s = goodSource();
  edit(s);
  return s;
}

const table = (s: Obj) => (s.tables as Obj[])[0]!;
const tier = (s: Obj, i: number) => (table(s).tiers as Obj[])[i]!;

describe('the published claims file', () => {
  it('reads every source with the same reader as a user table', () => {
    const read = readClaimSources(published);
    expect(read.ok).toBe(true);
    const sources = publishedClaimSources();
    expect(sources.map((s) => s.id)).toEqual([
      'takeover-2026',
      'budgets-shifted-2026',
      'consolidation-2026',
      'mainstream-2026',
      'hybrid-era-2026',
    ]);
    expect(sources[0]!.tables.map((t) => t.kind)).toEqual(['tiers', 'hardware', 'other']);
    expect(sources[1]!.tables.map((t) => t.kind)).toEqual(['drivers']);
    expect(sources[2]!.tables.map((t) => t.kind)).toEqual(['prices']);
  });

  it('reads the stated prices and the staff counts exactly', () => {
    const [takeover, budgets] = publishedClaimSources();
    expect(takeover!.statedApiPrice?.inputPerM.toFixed()).toBe('3');
    expect(takeover!.statedApiPrice?.outputPerM.toFixed()).toBe('15');
    expect(budgets!.statedApiPrice?.from).toBe('claim "api-price"');
    const tiers = takeover!.tables[0]!;
    if (tiers.kind !== 'tiers') throw new Error('not tiers');
    const self = tiers.tiers[0]!.cells[0]!;
    expect(self.column).toEqual({ key: 'self_hosted_open_source', role: 'selfHost' });
    expect(self.staff).toEqual([
      { key: 'engineering_fte', fte: expect.anything(), lineKey: 'engineering' },
    ]);
    expect(self.staff[0]!.fte.toFixed()).toBe('0.25');
    expect(self.lines.map((l) => l.key)).toEqual([
      'compute_gpu_instances',
      'storage_and_networking',
      'engineering',
      'monitoring_and_ops',
    ]);
  });

  it('reads column roles from their names', () => {
    expect(columnRole('open_source_self_hosted_strategy')).toBe('selfHost');
    expect(columnRole('proprietary_api_strategy')).toBe('api');
    expect(columnRole('on_prem')).toBe('selfHost');
    expect(columnRole('vendor_b')).toBe('api');
    expect(columnRole('option_b')).toBe('other');
  });
});

describe('a user table', () => {
  it('is read when well formed (numbers as JSON numbers or decimal strings)', () => {
    const read = readClaimSources(goodSource());
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const t = read.sources[0]!.tables[0]!;
    expect(t.kind).toBe('tiers');
    if (t.kind !== 'tiers') return;
    expect(t.currency).toBe('USD');
    expect(t.period).toBe('month');
    expect(t.tiers[1]!.tokensPerDay.toFixed()).toBe('100000000');
    expect(read.sources[0]!.claims[0]!.figures.tokensPerDayLow?.toFixed()).toBe('30000000');
  });

  it('takes a whole claims file too', () => {
    const read = readClaimSources({ sources: [goodSource(), { ...goodSource(), id: 'other' }] });
    expect(read.ok && read.sources.length).toBe(2);
  });

  it('names a missing field by its path', () => {
    expect(errorsOf(edited((s) => delete tier(s, 1).tokens_per_day))).toEqual([
      { path: 'tables[0].tiers[1].tokens_per_day', message: 'is required' },
    ]);
    expect(errorsOf(edited((s) => delete tier(s, 0).api))).toEqual([
      { path: 'tables[0].tiers[0].api', message: 'is required' },
    ]);
    expect(errorsOf(edited((s) => delete table(s).unit))).toEqual([
      { path: 'tables[0].unit', message: 'is required' },
    ]);
    expect(errorsOf(edited((s) => delete (s.claims as Obj[])[0]!.text))).toEqual([
      { path: 'claims[0].text', message: 'is required' },
    ]);
  });

  it('names a field of the wrong type, with what it got', () => {
    expect(errorsOf(edited((s) => (tier(s, 0).tokens_per_day = 'lots')))).toEqual([
      { path: 'tables[0].tiers[0].tokens_per_day', message: 'must be a number, got "lots"' },
    ]);
    expect(errorsOf(edited((s) => ((tier(s, 0).api as Obj).api_costs = -5)))).toEqual([
      {
        path: 'tables[0].tiers[0].api.api_costs',
        message: 'must be at least 0 and at most 1000000000000000, got -5',
      },
    ]);
    expect(errorsOf(edited((s) => (table(s).columns = 'self_hosted, api')))).toEqual([
      { path: 'tables[0].columns', message: 'must be a list of column names' },
    ]);
    expect(errorsOf(edited((s) => (table(s).unit = 'dollars')))).toEqual([
      {
        path: 'tables[0].unit',
        message: 'must be "USD per month" or "USD per year" (any three-letter currency code)',
      },
    ]);
    expect(errorsOf(edited((s) => (tier(s, 0).api = [9000])))[0]!.path).toBe(
      'tables[0].tiers[0].api',
    );
    expect(errorsOf(edited((s) => ((s.claims as Obj[])[0]!.savings_share = 60)))).toEqual([
      { path: 'claims[0].savings_share', message: 'must be at least 0 and at most 1, got 60' },
    ]);
  });

  it('refuses unknown fields, saying what the object may hold', () => {
    const [error] = errorsOf(edited((s) => (tier(s, 0).volume = 5)));
    expect(error?.path).toBe('tables[0].tiers[0].volume');
    expect(error?.message).toMatch(
      /^is not a field of a tier \(its fields: tokens_per_day, annual, verdict and the columns "self_hosted", "api"\)$/,
    );
    expect(errorsOf(edited((s) => (s.author = 'me')))[0]).toEqual({
      path: 'author',
      message:
        'is not a field of a source (its fields: id, title, publisher, date, stated_assumptions, tables, claims)',
    });
  });

  it('checks what depends on several fields', () => {
    expect(errorsOf(edited((s) => (tier(s, 1).tokens_per_day = 5_000_000)))).toEqual([
      {
        path: 'tables[0].tiers[1].tokens_per_day',
        message: 'must be more than the tier before: list tiers from low to high volume',
      },
    ]);
    expect(errorsOf(edited((s) => (table(s).columns = ['api', 'api'])))[0]).toEqual({
      path: 'tables[0].columns[1]',
      message: '"api" is already column 0',
    });
    expect(errorsOf(edited((s) => ((s.claims as Obj[])[0]!.tokens_per_day_high = 1)))).toEqual([
      {
        path: 'claims[0].tokens_per_day_high',
        message: 'must be at least tokens_per_day_low (30000000)',
      },
    ]);
    expect(
      errorsOf(edited((s) => (s.claims = [s.claims as Obj[]][0]!.concat((s.claims as Obj[])[0]!)))),
    ).toEqual([{ path: 'claims[1].id', message: '"c1" is already the id of item 0' }]);
    expect(errorsOf({ id: 'empty' })).toEqual([
      { path: '', message: 'has nothing to audit: give "tables", "claims" or both' },
    ]);
    expect(errorsOf(edited((s) => (table(s).tiers = [])))).toEqual([
      { path: 'tables[0].tiers', message: 'must have at least one of the tiers' },
    ]);
  });

  it('says what a table needs when it has neither tiers nor rows', () => {
    expect(errorsOf({ id: 'x', tables: [{ id: 't', unit: 'USD per month' }] })).toEqual([
      {
        path: 'tables[0]',
        message:
          'must have "tiers" (a cost table by volume) or "rows" (a table by cost driver, a price list or another table)',
      },
    ]);
  });

  it('refuses field names that could reach a prototype', () => {
    const input = JSON.parse(
      '{"id":"x","tables":[{"id":"t","unit":"USD per month","columns":["api"],"tiers":[{"tokens_per_day":1,"api":{"__proto__":{"x":1}}}]}]}',
    );
    expect(errorsOf(input)).toEqual([
      {
        path: 'tables[0].tiers[0].api.__proto__',
        message: '"__proto__" is not allowed as a field name',
      },
    ]);
  });

  it('reads a price list and a table by cost driver', () => {
    const read = readClaimSources({
      id: 'mixed',
      tables: [
        { id: 'p', unit: 'EUR per 1M tokens', rows: [{ model: 'A', input: '0.5', output: 2 }] },
        {
          id: 'd',
          unit: 'EUR per year',
          columns: ['api', 'self_hosted'],
          rows: [
            { cost_driver: 'inference', api: 100, self_hosted: 50 },
            { cost_driver: 'total', api: 100, self_hosted: 50 },
          ],
        },
      ],
    });
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const [prices, drivers] = read.sources[0]!.tables;
    expect(prices?.kind === 'prices' && prices.currency).toBe('EUR');
    expect(drivers?.kind === 'drivers' && drivers.total?.driver).toBe('total');
  });
});

describe('pasted text', () => {
  it('gives the line and column of a JSON syntax error', () => {
    const read = readClaimText('{\n  "id": "x",\n  "tables": [}\n}');
    expect(read).toEqual({
      ok: false,
      errors: [{ path: '', message: 'is not valid JSON at line 3, column 14: expected a value' }],
    });
  });

  it('says so when the text is empty or not a source', () => {
    expect(readClaimText('  ')).toMatchObject({
      ok: false,
      errors: [{ path: '', message: expect.stringMatching(/^is empty/) }],
    });
    expect(readClaimText('[1, 2]')).toMatchObject({
      ok: false,
      errors: [{ path: '', message: expect.stringMatching(/got a list$/) }],
    });
  });

  it('reads a good source, a byte order mark and all', () => {
    expect(readClaimText(`\uFEFF${JSON.stringify(goodSource())}`).ok).toBe(true);
  });
});
