/**
 * Validation at the edge (DESIGN 4): every rejected input gets a clear path and message and nothing
 * throws; accepted inputs are exact, take the documented defaults, and amounts never use exponent
 * notation. Black-box through `evaluateScenario` only.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Decimal from 'decimal.js';
import { evaluateScenario } from '../../src/index';
import { WORKED_EXAMPLE } from '../core/worked-example';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Json = any;

/** A small valid scenario (DESIGN 3.6a) to mutate: a fresh deep copy each time. */
function valid(): Json {
  return { ...structuredClone(WORKED_EXAMPLE), name: 'base' };
}
const mutate = (f: (s: Json) => void): Json => {
  const s = valid();
  f(s);
  return s;
};
/** Puts `raw` (JSON text) in place of the value of `key` inside the valid scenario's JSON text. */
function withRaw(find: string, replace: string): unknown {
  const text = JSON.stringify(valid());
  if (!text.includes(find)) throw new Error(`test setup: ${find} not found`);
  return JSON.parse(text.replace(find, replace));
}

function run(input: unknown): Json {
  let r: Json;
  expect(() => {
    r = evaluateScenario(input);
  }).not.toThrow();
  return r;
}

/** Checks that an error message is a short human sentence fragment, not junk. */
function expectClearMessage(message: unknown): void {
  expect(typeof message).toBe('string');
  const m = message as string;
  expect(m.trim().length).toBeGreaterThan(0);
  expect(m).not.toMatch(/^undefined$|\bundefined\b|\[object Object\]|^null$/);
  expect(m).not.toMatch(/\n\s+at\s|Error:|TypeError|RangeError|SyntaxError/); // no raw stack or exception text
  expect(m.length).toBeLessThanOrEqual(300);
}

function expectRejected(input: unknown, path: string | RegExp): Json[] {
  const r = run(input);
  expect(r.ok, `expected rejection, got ${r.ok ? 'ok' : ''}`).toBe(false);
  expect(Array.isArray(r.errors)).toBe(true);
  expect(r.errors.length).toBeGreaterThan(0);
  for (const e of r.errors) {
    expect(typeof e.path).toBe('string');
    expectClearMessage(e.message);
  }
  const paths = r.errors.map((e: Json) => e.path);
  const hit = r.errors.some((e: Json) =>
    typeof path === 'string' ? e.path === path : path.test(e.path),
  );
  expect(
    hit,
    `no error at ${String(path)}; errors: ${JSON.stringify(r.errors).slice(0, 500)}`,
  ).toBe(true);
  expect(paths.length).toBeLessThan(1000);
  return r.errors;
}

interface Case {
  name: string;
  input: () => unknown;
  path: string | RegExp;
}

const cases: Case[] = [
  // numbers
  {
    name: 'negative tokensPerDay',
    input: () => mutate((s) => (s.workloads[0].tokensPerDay = -1)),
    path: 'workloads[0].tokensPerDay',
  },
  {
    name: 'negative price (string)',
    input: () => mutate((s) => (s.options[0].inputPerM = '-0.5')),
    path: 'options[0].inputPerM',
  },
  {
    name: 'negative hourly GPU price',
    input: () => mutate((s) => (s.options[1].gpu.hourlyPerGpu = -2)),
    path: 'options[1].gpu.hourlyPerGpu',
  },
  {
    name: 'negative fteCostPerYear',
    input: () => mutate((s) => (s.settings.fteCostPerYear = -1)),
    path: 'settings.fteCostPerYear',
  },
  {
    name: 'negative storage',
    input: () => mutate((s) => (s.options[1].storagePerMonth = -300)),
    path: 'options[1].storagePerMonth',
  },
  {
    name: 'NaN',
    input: () => mutate((s) => (s.workloads[0].tokensPerDay = NaN)),
    path: 'workloads[0].tokensPerDay',
  },
  {
    name: 'Infinity',
    input: () => mutate((s) => (s.options[0].outputPerM = Infinity)),
    path: 'options[0].outputPerM',
  },
  {
    name: '-Infinity',
    input: () => mutate((s) => (s.options[0].inputPerM = -Infinity)),
    path: 'options[0].inputPerM',
  },
  {
    name: '"NaN" as a string',
    input: () => mutate((s) => (s.workloads[0].inputShare = 'NaN')),
    path: 'workloads[0].inputShare',
  },
  {
    name: '"Infinity" as a string',
    input: () => mutate((s) => (s.workloads[0].tokensPerDay = 'Infinity')),
    path: 'workloads[0].tokensPerDay',
  },
  {
    name: '1e400 as a string',
    input: () => mutate((s) => (s.workloads[0].tokensPerDay = '1e400')),
    path: 'workloads[0].tokensPerDay',
  },
  {
    name: '1e400 as a JSON number (parses to Infinity)',
    input: () => withRaw('"tokensPerDay":50000000', '"tokensPerDay":1e400'),
    path: 'workloads[0].tokensPerDay',
  },
  {
    name: '-1e400 as a JSON number',
    input: () => withRaw('"inputPerM":1.25', '"inputPerM":-1e400'),
    path: 'options[0].inputPerM',
  },
  {
    name: '"abc"',
    input: () => mutate((s) => (s.workloads[0].inputShare = 'abc')),
    path: 'workloads[0].inputShare',
  },
  {
    name: 'empty string',
    input: () => mutate((s) => (s.workloads[0].tokensPerDay = '')),
    path: 'workloads[0].tokensPerDay',
  },
  {
    name: '"1,5" (decimal comma)',
    input: () => mutate((s) => (s.workloads[0].peakToAverage = '1,5')),
    path: 'workloads[0].peakToAverage',
  },
  {
    name: 'hex string',
    input: () => mutate((s) => (s.options[0].inputPerM = '0x10')),
    path: 'options[0].inputPerM',
  },
  {
    name: 'boolean as a number',
    input: () => mutate((s) => (s.workloads[0].tokensPerDay = true)),
    path: 'workloads[0].tokensPerDay',
  },
  {
    name: 'object as a number',
    input: () => mutate((s) => (s.workloads[0].tokensPerDay = { value: 1 })),
    path: 'workloads[0].tokensPerDay',
  },
  {
    name: 'null as a number',
    input: () => mutate((s) => (s.options[0].outputPerM = null)),
    path: 'options[0].outputPerM',
  },
  {
    name: 'tokensPerDay above 1e12',
    input: () => mutate((s) => (s.workloads[0].tokensPerDay = '1000000000001')),
    path: 'workloads[0].tokensPerDay',
  },
  // shares and ratios
  {
    name: 'inputShare above 1',
    input: () => mutate((s) => (s.workloads[0].inputShare = 1.5)),
    path: 'workloads[0].inputShare',
  },
  {
    name: 'cachedInputShare below 0',
    input: () => mutate((s) => (s.workloads[0].cachedInputShare = -0.1)),
    path: 'workloads[0].cachedInputShare',
  },
  {
    name: 'batchShare above 1',
    input: () => mutate((s) => (s.workloads[0].batchShare = '1.0001')),
    path: 'workloads[0].batchShare',
  },
  {
    name: 'batchDiscount above 1',
    input: () => mutate((s) => (s.options[0].batchDiscount = 2)),
    path: 'options[0].batchDiscount',
  },
  {
    name: 'residualShare above 1',
    input: () =>
      mutate(
        (s) =>
          (s.options[1].gpu = {
            mode: 'buy',
            purchasePerGpu: 30000,
            amortizationMonths: 36,
            residualShare: 1.2,
            powerKwPerGpu: 1,
            pue: 1.2,
            pricePerKwh: 0.1,
            hostingPerGpuMonth: 50,
          }),
      ),
    path: 'options[1].gpu.residualShare',
  },
  {
    name: 'route share above 1',
    input: () => mutate((s) => (s.strategies[1].routes[0].share = 1.5)),
    path: /^strategies\[1\]\.routes(\[0\](\.share)?)?$/,
  },
  {
    name: 'negative route share',
    input: () =>
      mutate(
        (s) =>
          (s.strategies[1].routes = [
            { workloadId: 'w', optionId: 'h100', share: -0.5 },
            { workloadId: 'w', optionId: 'api', share: 1.5 },
          ]),
      ),
    path: /^strategies\[1\]\.routes(\[\d\](\.share)?)?$/,
  },
  {
    name: 'peakToAverage 0.5',
    input: () => mutate((s) => (s.workloads[0].peakToAverage = 0.5)),
    path: 'workloads[0].peakToAverage',
  },
  {
    name: 'targetUtilization 0',
    input: () => mutate((s) => (s.options[1].targetUtilization = 0)),
    path: 'options[1].targetUtilization',
  },
  {
    name: 'targetUtilization above 1',
    input: () => mutate((s) => (s.options[1].targetUtilization = 1.01)),
    path: 'options[1].targetUtilization',
  },
  // strategies and routes
  {
    name: 'route shares of a workload not summing to 1',
    input: () => mutate((s) => (s.strategies[1].routes[0].share = 0.9)),
    path: /^strategies\[1\]\.routes/,
  },
  {
    name: 'route shares summing to more than 1',
    input: () =>
      mutate((s) =>
        s.strategies[1].routes.push({ workloadId: 'w', optionId: 'api', share: '0.0000001' }),
      ),
    path: /^strategies\[1\]\.routes/,
  },
  {
    name: 'a strategy missing a workload',
    input: () =>
      mutate((s) => {
        s.workloads.push({ id: 'w2', tokensPerDay: 1000, inputShare: 0.5 });
        s.strategies[0].routes.push({ workloadId: 'w2', optionId: 'api', share: 1 });
      }),
    path: /^strategies\[1\]/,
  },
  {
    name: 'route to an unknown workload',
    input: () => mutate((s) => (s.strategies[1].routes[0].workloadId = 'nope')),
    path: 'strategies[1].routes[0].workloadId',
  },
  {
    name: 'route to an unknown option',
    input: () => mutate((s) => (s.strategies[1].routes[0].optionId = 'nope')),
    path: 'strategies[1].routes[0].optionId',
  },
  // ids
  {
    name: 'duplicate workload id',
    input: () => mutate((s) => s.workloads.push({ ...s.workloads[0] })),
    path: 'workloads[1].id',
  },
  {
    name: 'duplicate option id',
    input: () => mutate((s) => s.options.push({ ...s.options[0] })),
    path: 'options[2].id',
  },
  {
    name: 'duplicate strategy id',
    input: () => mutate((s) => s.strategies.push({ ...s.strategies[1] })),
    path: 'strategies[2].id',
  },
  {
    name: 'workload id starting with "-"',
    input: () => mutate((s) => (s.workloads[0].id = '-w')),
    path: 'workloads[0].id',
  },
  {
    name: 'option id with a space',
    input: () => mutate((s) => (s.options[0].id = 'my api')),
    path: 'options[0].id',
  },
  {
    name: 'strategy id of 65 characters',
    input: () => mutate((s) => (s.strategies[1].id = 'a'.repeat(65))),
    path: 'strategies[1].id',
  },
  {
    name: 'empty id',
    input: () => mutate((s) => (s.workloads[0].id = '')),
    path: 'workloads[0].id',
  },
  { name: 'numeric id', input: () => mutate((s) => (s.options[1].id = 42)), path: 'options[1].id' },
  // limits
  {
    name: '51 workloads',
    input: () =>
      mutate((s) => {
        for (let j = 1; j <= 50; j++) {
          s.workloads.push({ id: `w${j}`, tokensPerDay: 1000, inputShare: 0.5 });
          for (const st of s.strategies)
            st.routes.push({ workloadId: `w${j}`, optionId: 'api', share: 1 });
        }
      }),
    path: 'workloads',
  },
  {
    name: '31 options',
    input: () =>
      mutate((s) => {
        for (let j = 1; j <= 29; j++)
          s.options.push({ kind: 'api', id: `api${j}`, inputPerM: 1, outputPerM: 2 });
      }),
    path: 'options',
  },
  {
    name: '13 strategies',
    input: () =>
      mutate((s) => {
        for (let j = 1; j <= 11; j++) s.strategies.push({ ...s.strategies[0], id: `s${j}` });
      }),
    path: 'strategies',
  },
  {
    name: 'scenario name of 121 characters',
    input: () => mutate((s) => (s.name = 'n'.repeat(121))),
    path: 'name',
  },
  {
    name: 'workload name of 121 characters',
    input: () => mutate((s) => (s.workloads[0].name = 'n'.repeat(121))),
    path: 'workloads[0].name',
  },
  {
    name: 'option name of 121 characters',
    input: () => mutate((s) => (s.options[1].name = 'n'.repeat(121))),
    path: 'options[1].name',
  },
  {
    name: 'strategy name of 121 characters',
    input: () => mutate((s) => (s.strategies[0].name = 'n'.repeat(121))),
    path: 'strategies[0].name',
  },
  {
    name: 'a 10 MB name',
    input: () => mutate((s) => (s.name = 'x'.repeat(10 * 1024 * 1024))),
    path: 'name',
  },
  {
    name: 'a 10 MB id',
    input: () => mutate((s) => (s.workloads[0].id = 'x'.repeat(10 * 1024 * 1024))),
    path: 'workloads[0].id',
  },
  {
    name: '21 staff tiers',
    input: () =>
      mutate(
        (s) =>
          (s.options[1].engineeringFte = Array.from({ length: 21 }, (_, j) => ({
            fromTokensPerDay: j * 1000,
            fte: 1,
          }))),
      ),
    path: /^options\[1\]\.engineeringFte/,
  },
  {
    name: 'horizon 0 months',
    input: () => mutate((s) => (s.settings.horizonMonths = 0)),
    path: 'settings.horizonMonths',
  },
  {
    name: 'horizon 121 months',
    input: () => mutate((s) => (s.settings.horizonMonths = 121)),
    path: 'settings.horizonMonths',
  },
  {
    name: 'horizon 1.5 months',
    input: () => mutate((s) => (s.settings.horizonMonths = 1.5)),
    path: 'settings.horizonMonths',
  },
  {
    name: 'daysPerYear 300',
    input: () => mutate((s) => (s.settings.daysPerYear = 300)),
    path: 'settings.daysPerYear',
  },
  // staff tiers
  {
    name: 'staff tiers not starting at 0',
    input: () =>
      mutate((s) => (s.options[1].engineeringFte = [{ fromTokensPerDay: 1000, fte: 1 }])),
    path: /^options\[1\]\.engineeringFte(\[0\](\.fromTokensPerDay)?)?$/,
  },
  {
    name: 'staff tiers not increasing (equal)',
    input: () =>
      mutate(
        (s) =>
          (s.options[1].engineeringFte = [
            { fromTokensPerDay: 0, fte: 1 },
            { fromTokensPerDay: 500, fte: 2 },
            { fromTokensPerDay: 500, fte: 3 },
          ]),
      ),
    path: /^options\[1\]\.engineeringFte(\[2\](\.fromTokensPerDay)?)?$/,
  },
  {
    name: 'staff tiers decreasing',
    input: () =>
      mutate(
        (s) =>
          (s.options[1].engineeringFte = [
            { fromTokensPerDay: 0, fte: 1 },
            { fromTokensPerDay: 500, fte: 2 },
            { fromTokensPerDay: 100, fte: 3 },
          ]),
      ),
    path: /^options\[1\]\.engineeringFte(\[2\](\.fromTokensPerDay)?)?$/,
  },
  {
    name: 'empty staff tiers',
    input: () => mutate((s) => (s.options[1].engineeringFte = [])),
    path: /^options\[1\]\.engineeringFte/,
  },
  {
    name: 'negative fte',
    input: () => mutate((s) => (s.options[1].engineeringFte = [{ fromTokensPerDay: 0, fte: -1 }])),
    path: 'options[1].engineeringFte[0].fte',
  },
  // dangerous and unknown keys
  {
    name: '__proto__ at the top',
    input: () => withRaw('"name":"base"', '"__proto__":{"polluted":1},"name":"base"'),
    path: '__proto__',
  },
  {
    name: '__proto__ in a workload',
    input: () => withRaw('"id":"w",', '"id":"w","__proto__":{"polluted":1},'),
    path: 'workloads[0].__proto__',
  },
  {
    name: 'constructor in an option',
    input: () => withRaw('"id":"api",', '"id":"api","constructor":{"prototype":{"polluted":1}},'),
    path: 'options[0].constructor',
  },
  {
    name: 'prototype in settings',
    input: () => withRaw('"daysPerYear":365', '"prototype":{},"daysPerYear":365'),
    path: 'settings.prototype',
  },
  {
    name: 'unknown top-level field',
    input: () => mutate((s) => (s.colour = 'blue')),
    path: 'colour',
  },
  {
    name: 'unknown workload field',
    input: () => mutate((s) => (s.workloads[0].tokensPerMonth = 5)),
    path: 'workloads[0].tokensPerMonth',
  },
  {
    name: 'unknown gpu field',
    input: () => mutate((s) => (s.options[1].gpu.monthlyPerGpu = 100)),
    path: 'options[1].gpu.monthlyPerGpu',
  },
  {
    name: 'unknown route field',
    input: () => mutate((s) => (s.strategies[0].routes[0].weight = 1)),
    path: 'strategies[0].routes[0].weight',
  },
  {
    name: 'api field on a self-hosted option',
    input: () => mutate((s) => (s.options[1].inputPerM = 1)),
    path: 'options[1].inputPerM',
  },
  // format and shape
  { name: 'wrong format', input: () => mutate((s) => (s.format = 'llm-tco')), path: 'format' },
  { name: 'missing format', input: () => mutate((s) => delete s.format), path: 'format' },
  { name: 'version 2', input: () => mutate((s) => (s.version = 2)), path: 'version' },
  { name: 'version 0', input: () => mutate((s) => (s.version = 0)), path: 'version' },
  { name: 'missing version', input: () => mutate((s) => delete s.version), path: 'version' },
  {
    name: 'unknown option kind',
    input: () => mutate((s) => (s.options[0].kind = 'rest')),
    path: /^options\[0\](\.kind)?$/,
  },
  {
    name: 'unknown gpu mode',
    input: () => mutate((s) => (s.options[1].gpu = { mode: 'lease', leasePerGpu: 1 })),
    path: /^options\[1\]\.gpu(\.mode)?$/,
  },
  {
    name: 'workloads is an object',
    input: () => mutate((s) => (s.workloads = { w: s.workloads[0] })),
    path: 'workloads',
  },
  {
    name: 'a workload is a string',
    input: () => mutate((s) => (s.workloads[0] = 'w')),
    path: 'workloads[0]',
  },
  {
    name: 'routes is missing',
    input: () => mutate((s) => delete s.strategies[1].routes),
    path: 'strategies[1].routes',
  },
  {
    name: 'missing required tokensPerDay',
    input: () => mutate((s) => delete s.workloads[0].tokensPerDay),
    path: 'workloads[0].tokensPerDay',
  },
  {
    name: 'currency in lower case',
    input: () => mutate((s) => (s.currency = 'usd')),
    path: 'currency',
  },
  // non-object inputs
  { name: 'null', input: () => null, path: '' },
  { name: 'undefined', input: () => undefined, path: '' },
  { name: '42', input: () => 42, path: '' },
  { name: '"text"', input: () => 'text', path: '' },
  { name: 'a JSON document as text', input: () => JSON.stringify(valid()), path: '' },
  { name: 'true', input: () => true, path: '' },
  // deeply nested junk
  {
    name: 'deeply nested junk in a field',
    input: () =>
      mutate((s) => {
        let deep: Json = 1;
        for (let j = 0; j < 100000; j++) deep = { a: deep };
        s.workloads[0].name = deep;
      }),
    path: /^workloads\[0\]\.name/,
  },
  {
    name: 'deeply nested arrays at the top',
    input: () => {
      let deep: Json = [];
      for (let j = 0; j < 100000; j++) deep = [deep];
      return deep;
    },
    path: /^(\[0\])*$|^$/,
  },
  {
    name: 'deeply nested junk as an unknown field',
    input: () =>
      mutate((s) => {
        let deep: Json = 'x';
        for (let j = 0; j < 100000; j++) deep = { k: [deep] };
        s.junk = deep;
      }),
    path: /^junk/,
  },
];

describe('rejected inputs: a clear path and message, never a throw (DESIGN 4)', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expectRejected(c.input(), c.path);
  });

  // `[]` is not an object: one error at the root, like null, 42 and "text".
  // at format/version/workloads/options/strategies instead of one "must be an object" error at the root
  // (as null, 42 and "text" get). Remove `.fails` once fixed.
  it('a JSON array is not a scenario: the error is at the root, not a list of missing fields', () => {
    // DESIGN 4: "one JSON document" is an object; an array should be reported as the wrong type at ""
    expectRejected([], '');
  });

  it('an error for a 10 MB value does not echo the value back', () => {
    const errors = expectRejected(
      mutate((s) => (s.workloads[0].inputShare = '9'.repeat(10 * 1024 * 1024))),
      'workloads[0].inputShare',
    );
    expect(JSON.stringify(errors).length).toBeLessThan(2000);
  });

  it('__proto__ and constructor keys pollute nothing', () => {
    run(withRaw('"name":"base"', '"__proto__":{"polluted":1},"name":"base"'));
    run(
      withRaw(
        '"id":"w",',
        '"id":"w","__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},',
      ),
    );
    expect(({} as Json).polluted).toBeUndefined();
    expect((Object.prototype as Json).polluted).toBeUndefined();
  });

  it('reports every independent problem, each at its own path', () => {
    const errors = expectRejected(
      mutate((s) => {
        s.workloads[0].inputShare = 2;
        s.options[0].outputPerM = 'ten';
        s.options[1].targetUtilization = 0;
      }),
      'workloads[0].inputShare',
    );
    const paths = errors.map((e) => e.path);
    expect(paths).toContain('options[0].outputPerM');
    expect(paths).toContain('options[1].targetUtilization');
  });

  it('never throws on arbitrary values, and every error is well formed', () => {
    fc.assert(
      fc.property(
        fc.anything({
          withNullPrototype: true,
          withBigInt: true,
          withDate: true,
          withMap: true,
          withSet: true,
          withTypedArray: true,
          withSparseArray: true,
          withBoxedValues: true,
        }),
        (x) => {
          const r = run(x);
          if (!r.ok) {
            expect(r.errors.length).toBeGreaterThan(0);
            for (const e of r.errors) {
              expect(typeof e.path).toBe('string');
              expectClearMessage(e.message);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never throws when any field of a valid scenario is replaced by junk, and names that field', () => {
    const leaves: { path: string; set: (s: Json, v: unknown) => void }[] = [];
    const walk = (
      node: Json,
      path: string,
      set: (s: Json, v: unknown) => void,
      get: (s: Json) => Json,
    ) => {
      if (node && typeof node === 'object') {
        for (const k of Object.keys(node)) {
          const p = Array.isArray(node) ? `${path}[${k}]` : path ? `${path}.${k}` : k;
          walk(
            node[k],
            p,
            (s, v) => (get(s)[k] = v),
            (s) => get(s)[k],
          );
        }
      } else leaves.push({ path, set });
    };
    walk(
      valid(),
      '',
      () => undefined,
      (s) => s,
    );
    const junk = fc.oneof(
      fc.constantFrom(
        NaN,
        Infinity,
        -Infinity,
        -1,
        '-1',
        '',
        'abc',
        '1,5',
        null,
        true,
        [],
        {},
        '1e400',
        1e300,
        -1e-300,
      ),
      fc.string({ maxLength: 20 }),
    );
    fc.assert(
      fc.property(fc.constantFrom(...leaves), junk, (leaf, v) => {
        const s = valid();
        leaf.set(s, v);
        const r = run(s);
        if (!r.ok) {
          for (const e of r.errors) {
            expect(typeof e.path).toBe('string');
            expectClearMessage(e.message);
          }
          // the error names the replaced field, or (for ids and shares) the thing that refers to it
          const related = r.errors.some(
            (e: Json) =>
              e.path === leaf.path ||
              leaf.path.startsWith(`${e.path}.`) ||
              leaf.path.startsWith(`${e.path}[`) ||
              e.path.startsWith('strategies'),
          );
          expect(related, `${leaf.path} = ${String(v)}: ${JSON.stringify(r.errors)}`).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });
});

// ---------------------------------------------------------------------------------------------------

const D = Decimal.clone({ precision: 80 });
const PLAIN = /^-?\d+(\.\d+)?$/;
/** Every amount-like string in a result: all string leaves except identifiers and words. */
function amounts(node: Json, path = '$', out: [string, string][] = []): [string, string][] {
  if (typeof node === 'string') out.push([path, node]);
  else if (Array.isArray(node)) node.forEach((x, j) => amounts(x, `${path}[${j}]`, out));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (['id', 'name', 'reason', 'direction', 'kind', 'optionId', 'workloadId'].includes(k))
        continue;
      amounts(v, `${path}.${k}`, out);
    }
  }
  return out;
}

function accepted(input: unknown): Json {
  const r = run(input);
  if (!r.ok) throw new Error(`rejected: ${JSON.stringify(r.errors)}`);
  return r.result;
}

describe('accepted inputs (DESIGN 4)', () => {
  /** 100,000 tokens/day for 30 days = 3M tokens a month; half input, half output. */
  const exact = (p: {
    inputPerM: unknown;
    outputPerM: unknown;
    ft1: unknown;
    ft2: unknown;
  }): Json => ({
    format: 'llm-tco-scenario',
    version: 1,
    settings: {
      daysPerYear: 360,
      fteCostPerYear: 120000,
      horizonMonths: 3,
      discountRatePerYear: 0,
    },
    workloads: [{ id: 'w', tokensPerDay: '100000', inputShare: '0.5' }],
    options: [
      {
        kind: 'api',
        id: 'a',
        inputPerM: p.inputPerM,
        outputPerM: p.outputPerM,
        fineTuningPerMonth: p.ft1,
      },
      { kind: 'api', id: 'b', inputPerM: 0, outputPerM: 0, fineTuningPerMonth: p.ft2 },
    ],
    strategies: [
      {
        id: 'both',
        routes: [
          { workloadId: 'w', optionId: 'a', share: '0.5' },
          { workloadId: 'w', optionId: 'b', share: '0.5' },
        ],
      },
    ],
  });

  it('decimal strings are exact: 0.1 + 0.2 is 0.3', () => {
    const r = accepted(exact({ inputPerM: '0.1', outputPerM: '0.2', ft1: '0.1', ft2: '0.2' }));
    const st = r.strategies[0];
    expect(new D(st.runRate.fineTuning).eq('0.3')).toBe(true);
    // API usage: 1.5M tokens a month on "a": 0.75M input at 0.1 + 0.75M output at 0.2 = 0.225
    expect(new D(st.runRate.api).eq('0.225')).toBe(true);
    expect(new D(st.runRate.total).eq('0.525')).toBe(true);
    expect(new D(st.timeline.npv).eq('1.575')).toBe(true);
  });

  it('JSON numbers are exact too: 0.1 + 0.2 is 0.3, not 0.30000000000000004', () => {
    const r = accepted(exact({ inputPerM: 0.1, outputPerM: 0.2, ft1: 0.1, ft2: 0.2 }));
    const st = r.strategies[0];
    expect(new D(st.runRate.fineTuning).eq('0.3')).toBe(true);
    expect(st.runRate.fineTuning).not.toContain('0000000000000004');
    expect(new D(st.runRate.api).eq('0.225')).toBe(true);
    expect(new D(st.runRate.total).eq('0.525')).toBe(true);
  });

  it('numbers and decimal strings give identical results', () => {
    const a = accepted(valid());
    const b = accepted(
      JSON.parse(
        JSON.stringify(valid(), (k, v) =>
          typeof v === 'number' && k !== 'version' ? String(v) : v,
        ),
      ),
    );
    expect(b).toEqual(a);
  });

  it('optional fields take the documented defaults', () => {
    const minimal: Json = {
      format: 'llm-tco-scenario',
      version: 1,
      workloads: [{ id: 'w', tokensPerDay: '50000000', inputShare: '0.8' }],
      options: [
        { kind: 'api', id: 'api', inputPerM: '1.25', outputPerM: '10' },
        {
          kind: 'selfHost',
          id: 'h',
          gpu: { mode: 'hourly', hourlyPerGpu: '2.5' },
          prefillTokensPerSec: '10000',
          decodeTokensPerSec: '1500',
        },
      ],
      strategies: [
        { id: 'all-api', routes: [{ workloadId: 'w', optionId: 'api', share: '1' }] },
        { id: 'self', routes: [{ workloadId: 'w', optionId: 'h', share: '1' }] },
      ],
    };
    const explicit: Json = {
      format: 'llm-tco-scenario',
      version: 1,
      name: 'Untitled scenario',
      currency: 'USD',
      settings: {
        daysPerYear: '365',
        fteCostPerYear: '240000',
        horizonMonths: '36',
        discountRatePerYear: '0.08',
      },
      workloads: [
        {
          id: 'w',
          name: 'w',
          tokensPerDay: '50000000',
          inputShare: '0.8',
          cachedInputShare: '0',
          batchShare: '0',
          peakToAverage: '1',
          growthPerMonth: '0',
        },
      ],
      options: [
        {
          kind: 'api',
          id: 'api',
          name: 'api',
          inputPerM: '1.25',
          outputPerM: '10',
          cachedInputPerM: '1.25',
          batchDiscount: '0',
          priceChangePerYear: '0',
          integrationFte: '0',
          fineTuningOneTime: '0',
          fineTuningPerMonth: '0',
        },
        {
          kind: 'selfHost',
          id: 'h',
          name: 'h',
          gpu: { mode: 'hourly', hourlyPerGpu: '2.5' },
          gpusPerReplica: '1',
          prefillTokensPerSec: '10000',
          decodeTokensPerSec: '1500',
          targetUtilization: '1',
          minReplicas: '1',
          storagePerMonth: '0',
          storagePerGpuMonth: '0',
          monitoringPerMonth: '0',
          monitoringPerGpuMonth: '0',
          engineeringFte: [{ fromTokensPerDay: '0', fte: '0' }],
          fineTuningOneTime: '0',
          fineTuningPerMonth: '0',
        },
      ],
      strategies: [
        {
          id: 'all-api',
          name: 'all-api',
          routes: [{ workloadId: 'w', optionId: 'api', share: '1' }],
        },
        { id: 'self', name: 'self', routes: [{ workloadId: 'w', optionId: 'h', share: '1' }] },
      ],
    };
    const a = accepted(minimal);
    const b = accepted(explicit);
    expect(a).toEqual(b);
    // and the defaults have the documented values:
    const [api, self] = a.strategies;
    expect(api.name).toBe('all-api'); // strategy name defaults to its id
    expect(api.timeline.months.length).toBe(36); // horizonMonths 36
    // 50M tokens/day * 365/12 days = 1,520,833,333.33 tokens a month at 0.8*1.25 + 0.2*10 = 3 per 1M
    // (cachedInputPerM = inputPerM, no batch discount)
    expect(new D(api.runRate.api).toDecimalPlaces(6).toFixed()).toBe('4562.5');
    expect(new D(api.runRate.engineering).isZero()).toBe(true); // integrationFte 0
    // one replica at 2.50 * 730 hours (365-day years); x = 0.1234..., peak 1, utilization 1 -> 1 replica
    expect(self.runRate.gpu).toBe('1825');
    expect(self.capacity).toEqual([
      { optionId: 'h', replicas: 1, gpus: 1, utilization: expect.any(String) },
    ]);
    expect(new D(self.runRate.storage).isZero()).toBe(true);
    expect(new D(self.runRate.monitoring).isZero()).toBe(true);
    expect(new D(self.runRate.engineering).isZero()).toBe(true);
    // discount 8% a year: npv below 36 * run-rate
    expect(new D(api.timeline.npv).lt(new D(api.runRate.total).mul(36))).toBe(true);
    // fteCostPerYear 240,000: integrationFte 0.1 costs 2,000 a month
    const withFte = accepted({
      ...minimal,
      options: [{ ...minimal.options[0], integrationFte: '0.1' }, minimal.options[1]],
    });
    expect(new D(withFte.strategies[0].runRate.engineering).eq(2000)).toBe(true);
  });

  it('amounts are plain decimals, never exponent notation, even for tiny and huge values', () => {
    const scenario = (tokens: string, price: string, gpu: string, tiny: string): Json => ({
      format: 'llm-tco-scenario',
      version: 1,
      settings: {
        daysPerYear: 365,
        fteCostPerYear: '0.000001',
        horizonMonths: 24,
        discountRatePerYear: '0.2',
      },
      workloads: [{ id: 'w', tokensPerDay: tokens, inputShare: '0.3', growthPerMonth: '0.5' }],
      options: [
        {
          kind: 'api',
          id: 'api',
          inputPerM: price,
          outputPerM: tiny,
          integrationFte: tiny,
          priceChangePerYear: '0.9',
        },
        {
          kind: 'selfHost',
          id: 'h',
          gpu: {
            mode: 'buy',
            purchasePerGpu: gpu,
            amortizationMonths: 36,
            residualShare: tiny,
            powerKwPerGpu: tiny,
            pue: 1,
            pricePerKwh: tiny,
            hostingPerGpuMonth: tiny,
          },
          prefillTokensPerSec: '1000000000',
          decodeTokensPerSec: tiny === '0' ? '1' : '0.000001',
          minReplicas: 0,
          storagePerGpuMonth: tiny,
          engineeringFte: [{ fromTokensPerDay: '0', fte: tiny }],
        },
      ],
      strategies: [
        { id: 'api', routes: [{ workloadId: 'w', optionId: 'api', share: 1 }] },
        { id: 'self', routes: [{ workloadId: 'w', optionId: 'h', share: 1 }] },
      ],
    });
    const inputs: [string, string, string, string][] = [
      [
        '0.000000000000000000000000000001',
        '0.0000000000000000000000001',
        '0.00000000001',
        '0.00000000000000000001',
      ],
      ['1000000000000', '100000', '1000000', '0.000000000000000000000000000000000001'],
      ['0.000001', '0.000000001', '12345678.9', '0'],
      ['999999999999.999999', '99999.99999', '0.01', '0.0000001'],
    ];
    for (const [tokens, price, gpu, tiny] of inputs) {
      const r = accepted(scenario(tokens, price, gpu, tiny));
      const found = amounts(r);
      expect(found.length).toBeGreaterThan(50);
      for (const [path, v] of found)
        expect(v, `${path} (tokens ${tokens}, price ${price})`).toMatch(PLAIN);
    }
  });

  it('amounts are plain decimals on random scenarios with extreme magnitudes', () => {
    const mag = (lo: number, hi: number) =>
      fc
        .tuple(fc.integer({ min: 1, max: 999 }), fc.integer({ min: lo, max: hi }))
        .map(([m, e]) => new D(m).mul(new D(10).pow(e)).toFixed());
    fc.assert(
      fc.property(
        mag(-30, 9),
        mag(-30, 2),
        mag(-30, 1),
        mag(-20, 1),
        fc.constantFrom('0', '0.05', '0.3'),
        (tokens, price, hourly, fte, discount) => {
          const r = accepted({
            format: 'llm-tco-scenario',
            version: 1,
            settings: { horizonMonths: 6, discountRatePerYear: discount },
            workloads: [{ id: 'w', tokensPerDay: tokens, inputShare: '0.5' }],
            options: [
              { kind: 'api', id: 'api', inputPerM: price, outputPerM: price, integrationFte: fte },
              {
                kind: 'selfHost',
                id: 'h',
                gpu: { mode: 'hourly', hourlyPerGpu: hourly },
                prefillTokensPerSec: '1000',
                decodeTokensPerSec: '100',
                engineeringFte: [{ fromTokensPerDay: 0, fte }],
              },
            ],
            strategies: [
              { id: 'api', routes: [{ workloadId: 'w', optionId: 'api', share: 1 }] },
              { id: 'self', routes: [{ workloadId: 'w', optionId: 'h', share: 1 }] },
            ],
          });
          for (const [path, v] of amounts(r)) expect(v, path).toMatch(PLAIN);
        },
      ),
      { numRuns: 150 },
    );
  });
});
