/**
 * Converting a scenario's currency (issue 6 item 5): every money input is multiplied exactly and
 * nothing else moves; which fields are money has one source (MONEY_FIELDS, from the field units);
 * evaluating the converted scenario gives every money result times the rate and every other
 * result unchanged. Catalog values (USD) come over only with a stated rate.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Decimal from 'decimal.js';
import { Dec } from '../../src/core/decimal';
import { evaluateModel } from '../../src/core/evaluate';
import { MONEY_FIELDS } from '../../src/core/input-fields';
import { validateScenario } from '../../src/scenario/validate-scenario';
import type { ScenarioDoc } from '../../src/scenario/document';
import {
  convertCurrency,
  isMoneyInput,
  moneyPaths,
  multiplyExact,
} from '../../src/scenario/currency-convert';
import { catalogRate, fromCatalogUsd } from '../../src/scenario/currency-fx';
import { DEFAULT_PRESET, PRESETS } from '../../src/scenario/presets';
import { formatPath } from '../../src/scenario/validation-error';
import { scenarioArb } from '../core/brute-force';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Json = any;

function docOf(input: unknown): ScenarioDoc {
  const v = validateScenario(input);
  if (!v.ok) throw new Error(JSON.stringify(v.errors));
  return v.document;
}

const BASE = docOf(DEFAULT_PRESET.scenario);
const STATED = { asOf: '2026-07-31', source: 'rate stated by the finance team' };

describe('which fields are money', () => {
  it('comes from the field units: prices, GPU prices, power price, hosting, storage, monitoring, fine-tuning, engineer cost', () => {
    expect(MONEY_FIELDS).toEqual({
      settings: ['fteCostPerYear'],
      workload: [],
      api: [
        'inputPerM',
        'outputPerM',
        'cachedInputPerM',
        'fineTuningOneTime',
        'fineTuningPerMonth',
      ],
      gpu: {
        hourly: ['hourlyPerGpu'],
        monthly: ['monthlyPerGpu'],
        buy: ['purchasePerGpu', 'pricePerKwh', 'hostingPerGpuMonth'],
      },
      selfHost: [
        'storagePerMonth',
        'storagePerGpuMonth',
        'monitoringPerMonth',
        'monitoringPerGpuMonth',
        'fineTuningOneTime',
        'fineTuningPerMonth',
      ],
      staffTier: [],
    });
  });

  /** Numeric fields of a document that are not money, each for a reason. */
  const NOT_MONEY = new Set([
    'daysPerYear', // a calendar convention
    'horizonMonths',
    'discountRatePerYear',
    'tokensPerDay',
    'inputShare',
    'cachedInputShare',
    'batchShare',
    'peakToAverage',
    'growthPerMonth',
    'batchDiscount',
    'priceChangePerYear',
    'integrationFte',
    'amortizationMonths',
    'residualShare',
    'powerKwPerGpu',
    'pue',
    'gpusPerReplica',
    'prefillTokensPerSec',
    'decodeTokensPerSec',
    'targetUtilization',
    'minReplicas',
    'fromTokensPerDay',
    'fte',
    'share',
    'seed',
    'samples',
    'swing',
    'rateFromUsd',
  ]);

  it('every numeric field of every preset, and of bought GPUs, is either money or named as not money', () => {
    const money = new Set(moneyPaths(BASE).map(formatPath));
    expect(money.size).toBeGreaterThan(5);
    const bought = structuredClone(BASE) as Json;
    bought.options[1].gpu = {
      mode: 'buy',
      name: 'H100',
      purchasePerGpu: '30000',
      amortizationMonths: '36',
      residualShare: '0.2',
      powerKwPerGpu: '1.2',
      pue: '1.3',
      pricePerKwh: '0.12',
      hostingPerGpuMonth: '150',
    };
    const docs = [
      ...PRESETS.map((p) => ({ id: p.id, doc: docOf(p.scenario) })),
      { id: 'bought', doc: docOf(bought) },
    ];
    for (const { id, doc } of docs) {
      const paths = new Set(moneyPaths(doc).map(formatPath));
      const walk = (node: unknown, path: (string | number)[]) => {
        if (Array.isArray(node)) node.forEach((x, i) => walk(x, [...path, i]));
        else if (node && typeof node === 'object') {
          for (const [k, v] of Object.entries(node)) walk(v, [...path, k]);
        } else if (typeof node === 'string' && /^-?\d+(\.\d+)?$/.test(node)) {
          const field = String(path[path.length - 1]);
          const text = formatPath(path);
          if (paths.has(text)) expect(NOT_MONEY.has(field), text).toBe(false);
          else expect(NOT_MONEY.has(field), `${id}: ${text} is neither`).toBe(true);
        }
      };
      walk({ ...doc, name: '', workloads: doc.workloads.map((w) => ({ ...w, name: '' })) }, []);
    }
    const modes = new Set(
      docs.flatMap(({ doc }) =>
        doc.options.flatMap((o) => (o.kind === 'selfHost' ? [o.gpu.mode] : [])),
      ),
    );
    expect([...modes].sort()).toEqual(['buy', 'hourly', 'monthly']);
    expect(moneyPaths(docOf(bought)).map(formatPath)).toContain('options[1].gpu.pricePerKwh');
  });

  it('an uncertainty range is money when its input is', () => {
    expect(isMoneyInput(BASE, 'option/gpt-5/outputPerM')).toBe(true);
    expect(isMoneyInput(BASE, 'option/llama-70b-h100/gpu.hourlyPerGpu')).toBe(true);
    expect(isMoneyInput(BASE, 'settings/fteCostPerYear')).toBe(true);
    expect(isMoneyInput(BASE, 'option/llama-70b-h100/targetUtilization')).toBe(false);
    expect(isMoneyInput(BASE, 'option/llama-70b-h100/engineeringFte.1.fte')).toBe(false);
    expect(isMoneyInput(BASE, 'workload/support/tokensPerDay')).toBe(false);
    expect(isMoneyInput(BASE, 'option/gone/outputPerM')).toBe(false);
  });
});

describe('convertCurrency', () => {
  it('converts the default scenario to EUR at 0.92, exactly, and nothing else', () => {
    const r = convertCurrency(BASE, 'EUR', '0.92', STATED);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.doc.currency).toBe('EUR');
    expect(r.doc.fx).toEqual({ rateFromUsd: '0.92', ...STATED });
    expect(r.converted.map((c) => [c.path, c.from, c.to])).toEqual([
      ['settings.fteCostPerYear', '240000', '220800'],
      ['options[0].inputPerM', '1.25', '1.15'],
      ['options[0].outputPerM', '10', '9.2'],
      ['options[0].cachedInputPerM', '0.125', '0.115'],
      ['options[0].fineTuningOneTime', '0', '0'],
      ['options[0].fineTuningPerMonth', '0', '0'],
      ['options[1].gpu.hourlyPerGpu', '3.99', '3.6708'],
      ['options[1].storagePerMonth', '250', '230'],
      ['options[1].storagePerGpuMonth', '0', '0'],
      ['options[1].monitoringPerMonth', '300', '276'],
      ['options[1].monitoringPerGpuMonth', '20', '18.4'],
      ['options[1].fineTuningOneTime', '0', '0'],
      ['options[1].fineTuningPerMonth', '0', '0'],
    ]);
    expect(r.converted.every((c) => !c.rounded)).toBe(true);
    // Everything else is as it was.
    const restore = structuredClone(r.doc) as Json;
    for (const c of r.converted) {
      const path = c.path.replace(/\[(\d+)\]/g, '.$1').split('.');
      let node = restore;
      for (const key of path.slice(0, -1)) node = node[key];
      node[path[path.length - 1] as string] = c.from;
    }
    expect({ ...restore, currency: 'USD', fx: undefined }).toEqual({ ...BASE, fx: undefined });
  });

  it('converts uncertainty ranges on money inputs, and only those', () => {
    const doc = docOf({
      ...BASE,
      analysis: {
        uncertainty: {
          seed: 1,
          ranges: [
            { input: 'option/gpt-5/outputPerM', low: 8, likely: 10, high: 12 },
            { input: 'workload/support/tokensPerDay', low: 1e8, likely: 1.5e8, high: 2e8 },
          ],
        },
      },
    });
    const r = convertCurrency(doc, 'GBP', '0.8', STATED);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.doc.analysis?.uncertainty?.ranges).toEqual([
      { input: 'option/gpt-5/outputPerM', low: '6.4', likely: '8', high: '9.6' },
      {
        input: 'workload/support/tokensPerDay',
        low: '100000000',
        likely: '150000000',
        high: '200000000',
      },
    ]);
  });

  it('follows the rate from USD: EUR to GBP multiplies it, back to USD drops it', () => {
    const eur = convertCurrency(BASE, 'EUR', '0.92', STATED);
    if (!eur.ok) throw new Error('eur');
    const gbp = convertCurrency(eur.doc, 'GBP', '0.85', STATED);
    if (!gbp.ok) throw new Error('gbp');
    expect(gbp.doc.fx?.rateFromUsd).toBe('0.782');
    const usd = convertCurrency(gbp.doc, 'USD', new Dec(1).div('0.782'));
    if (!usd.ok) throw new Error('usd');
    expect(usd.doc.fx).toBeUndefined();
    expect(usd.notes).toEqual(['The scenario is now in USD: its exchange rate was removed.']);
    // 1 / 0.782 is not a finite decimal: each amount is then rounded to 40 digits and marked.
    expect(usd.converted.some((c) => c.rounded)).toBe(true);
    expect(
      new Dec(usd.doc.options[0]?.kind === 'api' ? usd.doc.options[0].outputPerM : '0')
        .toDecimalPlaces(20)
        .toFixed(),
    ).toBe('10');
  });

  it('without a stated date and source, the result has no rate from USD, and says so', () => {
    const r = convertCurrency(BASE, 'EUR', '0.92');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.doc.fx).toBeUndefined();
    expect(r.notes[0]).toMatch(/State the date and source of the rate/);
  });

  it('refuses a bad code, a bad rate, and an amount that would leave its bounds', () => {
    expect(convertCurrency(BASE, 'euro', '1')).toEqual({
      ok: false,
      errors: [{ path: 'currency', message: 'must be a three-letter ISO 4217 code such as "EUR"' }],
    });
    for (const rate of ['0', '-1', 'x', 'Infinity']) {
      expect(convertCurrency(BASE, 'EUR', rate).ok).toBe(false);
    }
    // Money bounds leave room for the currencies with the most units per dollar: 240,000 USD a
    // year is 336,000,000 KRW at 1,400 and 3,960,000,000 IDR at 16,500, both accepted.
    for (const [code, rate] of [
      ['KRW', '1400'],
      ['IDR', '16500'],
    ] as const) {
      const r = convertCurrency(BASE, code, rate, STATED);
      expect(r.ok).toBe(true);
    }
    // A rate no currency has still takes the engineer cost past its bound (1e13).
    const far = convertCurrency(BASE, 'XXX', '1000000000');
    expect(far.ok).toBe(false);
    if (!far.ok) {
      expect(far.errors[0]).toEqual({
        path: 'settings.fteCostPerYear',
        message: 'must be at least 0 and at most 10000000000000, got 240000000000000',
      });
    }
  });

  /** Random scenarios with one-time fine-tuning, growth and yearly price changes as well. */
  const fullArb = fc
    .tuple(
      scenarioArb({ discount: fc.constantFrom('0', '0.08'), horizonMonths: 18 }),
      fc.array(fc.integer({ min: 0, max: 50_000 }), { minLength: 3, maxLength: 3 }),
      fc.constantFrom('0', '0.02', '-0.01'),
      fc.constantFrom('0', '-0.2', '0.1'),
    )
    .map(([input, oneTime, growth, priceChange]): Json => ({
      ...input,
      workloads: input.workloads.map((w) => ({ ...w, growthPerMonth: growth })),
      options: input.options.map((o, i) => ({
        ...o,
        fineTuningOneTime: String(oneTime[i] ?? 0),
        ...(o.kind === 'api' ? { priceChangePerYear: priceChange } : {}),
      })),
    }));

  it('property: evaluated, every money result is multiplied by the rate and nothing else changes', () => {
    const rateArb = fc
      .tuple(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: -3, max: 2 }))
      .map(([m, e]) => new Dec(m).mul(new Dec(10).pow(e)).toFixed());
    fc.assert(
      fc.property(fullArb, rateArb, (input, rate) => {
        const doc = docOf(input);
        const r = convertCurrency(doc, 'EUR', rate, STATED);
        if (!r.ok) {
          // Only a bound may refuse it.
          expect(r.errors.every((e) => /at most/.test(e.message))).toBe(true);
          return;
        }
        const before = evaluateModel(validated(doc));
        const after = evaluateModel(validated(r.doc));
        compareResults(before, after, new Dec(rate), '');
      }),
      { numRuns: 60 },
    );
  }, 30_000);
});

function validated(doc: ScenarioDoc) {
  const v = validateScenario(doc);
  if (!v.ok) throw new Error(JSON.stringify(v.errors));
  return v.scenario;
}

/** Keys of the result whose values are money (DESIGN section 4). */
const MONEY_KEYS = new Set([
  'total',
  'api',
  'gpu',
  'storage',
  'monitoring',
  'engineering',
  'fineTuning',
  'costPerMTokens',
  'capex',
  'opex',
  'cumulative',
  'residual',
  'npv',
  'runRateSavings',
  'npvSavings',
  'runRate',
]);

/** Money: equal to the cent once both sides are rounded to 10 places; the rest: identical. */
function compareResults(before: unknown, after: unknown, rate: Dec, path: string): void {
  if (Array.isArray(before)) {
    expect(Array.isArray(after), path).toBe(true);
    expect((after as unknown[]).length, path).toBe(before.length);
    before.forEach((b, i) => compareResults(b, (after as unknown[])[i], rate, `${path}[${i}]`));
    return;
  }
  if (before && typeof before === 'object') {
    const a = after as Record<string, unknown>;
    for (const [key, value] of Object.entries(before)) {
      if (key === 'reason') continue; // words quoting amounts in the currency
      const at = `${path}.${key}`;
      if (MONEY_KEYS.has(key) && (typeof value === 'string' || value === null)) {
        if (value === null) expect(a[key], at).toBeNull();
        else {
          const want = new Dec(value).mul(rate).toDecimalPlaces(10);
          const got = new Dec(a[key] as string).toDecimalPlaces(10);
          expect(
            got.minus(want).abs().lessThanOrEqualTo('1e-10'),
            `${at}: ${got.toFixed()} vs ${want.toFixed()}`,
          ).toBe(true);
        }
      } else {
        compareResults(value, a[key], rate, at);
      }
    }
    return;
  }
  expect(after, path).toEqual(before);
}

describe('multiplyExact', () => {
  it('is the exact product, rounded only beyond 40 digits', () => {
    const High = Decimal.clone({ precision: 200 });
    const text = fc
      .tuple(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.integer({ min: 0, max: 30 }))
      .map(([n, scale]) => new Dec(n.toString()).div(new Dec(10).pow(scale)).toFixed());
    fc.assert(
      fc.property(text, text, (a, b) => {
        const r = multiplyExact(a, new Dec(b));
        const exact = new High(a).mul(b);
        if (!r.rounded) expect(new High(r.value).equals(exact)).toBe(true);
        else {
          expect(exact.sd() > 40 || exact.decimalPlaces() > 40).toBe(true);
          expect(
            new High(r.value)
              .minus(exact)
              .abs()
              .lessThanOrEqualTo(exact.abs().mul('1e-39').plus('1e-40')),
          ).toBe(true);
        }
        expect(r.value).not.toMatch(/e/i);
      }),
      { numRuns: 500 },
    );
    expect(multiplyExact('3.99', new Dec('0.92'))).toEqual({ value: '3.6708', rounded: false });
    expect(multiplyExact('-0.5', new Dec('0.2'))).toEqual({ value: '-0.1', rounded: false });
    expect(multiplyExact('0', new Dec('0.2'))).toEqual({ value: '0', rounded: false });
  });
});

describe('catalog values in the scenario currency', () => {
  it('come over at the stated rate, and not at all without one', () => {
    expect(catalogRate(BASE)?.toFixed()).toBe('1');
    expect(fromCatalogUsd('3.99', BASE)).toBe('3.99');
    const eur = { currency: 'EUR', fx: { rateFromUsd: '0.92', ...STATED } };
    expect(fromCatalogUsd('3.99', eur)).toBe('3.6708');
    expect(catalogRate({ currency: 'EUR' })).toBeNull();
    expect(fromCatalogUsd('3.99', { currency: 'EUR' })).toBeNull();
  });
});
