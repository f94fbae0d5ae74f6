/**
 * The evaluation cache (src/core/evaluation-cache.ts) with the model reader that keeps unchanged
 * parts of a document as the same model objects (src/scenario/document-model.ts): after any
 * sequence of edits, an evaluation that reuses earlier work returns exactly what a fresh one
 * does, and it does reuse what an edit did not touch.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { evaluateModel, evaluateWithCurves } from '../../src/core/evaluate';
import { createEvaluationCache } from '../../src/core/evaluation-cache';
import { createModelReader, modelFromDocument } from '../../src/scenario/document-model';
import { setAt } from '../../src/scenario/doc-path';
import type { DocPath } from '../../src/scenario/doc-path';
import { validateScenario } from '../../src/scenario/validate-scenario';
import type { ScenarioDoc } from '../../src/scenario/document';
import { scaleScenario } from '../../bench/scale-scenario';
import { dec, scenarioArb } from './brute-force';

function documentOf(input: unknown): ScenarioDoc {
  const v = validateScenario(input);
  if (!v.ok) throw new Error(JSON.stringify(v.errors));
  return v.document;
}

/** An edit as the calculator makes one: a new value at one path, everything else kept. */
type Edit = { path: (doc: ScenarioDoc) => DocPath | null; value: string };

const EDITS: fc.Arbitrary<Edit>[] = [
  fc.record({
    path: fc
      .nat()
      .map((i) => (doc: ScenarioDoc) => ['workloads', i % doc.workloads.length, 'tokensPerDay']),
    value: dec(0, 5e9, 0),
  }),
  fc.record({
    path: fc
      .nat()
      .map((i) => (doc: ScenarioDoc) => ['workloads', i % doc.workloads.length, 'growthPerMonth']),
    value: dec(-0.05, 0.1, 3),
  }),
  fc.record({
    path: fc.nat().map((i) => (doc: ScenarioDoc) => {
      const at = i % doc.options.length;
      return doc.options[at]?.kind === 'api'
        ? ['options', at, 'outputPerM']
        : ['options', at, 'minReplicas'];
    }),
    value: fc.integer({ min: 1, max: 20 }).map(String),
  }),
  fc.record({
    path: fc.constant(() => ['settings', 'fteCostPerYear']),
    value: dec(50_000, 400_000, 2),
  }),
  fc.record({
    path: fc.constant(() => ['settings', 'horizonMonths']),
    value: fc.integer({ min: 1, max: 30 }).map(String),
  }),
];

function applyEdit(doc: ScenarioDoc, edit: Edit): ScenarioDoc {
  const path = edit.path(doc);
  if (!path) return doc;
  const next = setAt(doc, path, edit.value);
  return validateScenario(next).ok ? next : doc;
}

describe('evaluation cache', () => {
  it('after any edits, a cached evaluation equals a fresh one exactly', () => {
    fc.assert(
      fc.property(
        scenarioArb({ discount: dec(0, 0.2, 3), horizonMonths: 14 }),
        fc.array(fc.oneof(...EDITS), { minLength: 1, maxLength: 6 }),
        (input, edits) => {
          let doc = documentOf(input);
          const read = createModelReader();
          const cache = createEvaluationCache();
          for (const edit of [null, ...edits]) {
            if (edit) doc = applyEdit(doc, edit);
            const cached = evaluateModel(read(doc), cache);
            expect(cached).toEqual(evaluateModel(modelFromDocument(doc)));
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('a portfolio of 20 workloads: moving one workload equals a fresh evaluation, as does undoing it', () => {
    let doc = documentOf(scaleScenario({ workloadCount: 20, strategyCount: 6 }));
    const first = doc;
    const read = createModelReader();
    const cache = createEvaluationCache();
    evaluateModel(read(doc), cache);
    for (const volume of ['5000000', '123456789', '0']) {
      doc = setAt(doc, ['workloads', 0, 'tokensPerDay'], volume);
      expect(evaluateModel(read(doc), cache)).toEqual(evaluateModel(modelFromDocument(doc)));
    }
    expect(evaluateModel(read(first), cache)).toEqual(evaluateModel(modelFromDocument(first)));
  });

  it('figures computed on first read equal eager ones, whenever and in whatever order they are read', () => {
    let doc = documentOf(scaleScenario({ workloadCount: 12, strategyCount: 5 }));
    const read = createModelReader();
    const cache = createEvaluationCache();
    const results = [];
    for (const volume of ['3000000', '90000000', '700000000']) {
      doc = setAt(doc, ['workloads', 0, 'tokensPerDay'], volume);
      const eager = evaluateModel(modelFromDocument(doc));
      const lazy = evaluateWithCurves(read(doc), cache).result;
      results.push({ eager, lazy });
    }
    // Read after later evaluations have run, the break-even before the timeline, last first.
    for (const { eager, lazy } of results) {
      for (let i = lazy.strategies.length - 1; i >= 0; i--) {
        const l = lazy.strategies[i];
        const e = eager.strategies[i];
        expect(l?.vsBaseline?.crossings).toEqual(e?.vsBaseline?.crossings);
        expect(l?.vsBaseline?.breakEven).toEqual(e?.vsBaseline?.breakEven);
        expect(l?.vsBaseline?.paybackMonth).toEqual(e?.vsBaseline?.paybackMonth);
        expect(l?.byWorkload).toEqual(e?.byWorkload);
        expect(l?.timeline).toEqual(e?.timeline);
      }
      expect(lazy).toEqual(eager);
      // The public shape is plain data.
      expect(JSON.parse(JSON.stringify(lazy))).toEqual(eager);
    }
  });

  it('the public result is plain data with the documented fields, in the documented order', () => {
    const doc = documentOf(scaleScenario({ workloadCount: 4, strategyCount: 3 }));
    const [, second] = evaluateModel(modelFromDocument(doc)).strategies;
    expect(Object.keys(second ?? {})).toEqual([
      'id',
      'name',
      'runRate',
      'costPerMTokens',
      'capacity',
      'timeline',
      'vsBaseline',
      'byOption',
      'byWorkload',
    ]);
    expect(Object.keys(second?.vsBaseline ?? {})).toEqual([
      'runRateSavings',
      'npvSavings',
      'paybackMonth',
      'breakEven',
      'crossings',
    ]);
    for (const key of Object.keys(second ?? {})) {
      expect(Object.getOwnPropertyDescriptor(second, key)?.get).toBeUndefined();
    }
  });

  it('reuses what an edit did not touch: strategies without the edited option keep their figures', () => {
    const doc = documentOf(scaleScenario({ workloadCount: 10, strategyCount: 4 }));
    const read = createModelReader();
    const cache = createEvaluationCache();
    const before = evaluateWithCurves(read(doc), cache);
    // "All on API model 3" (strategy 1) uses api2 only; the others do not use api2 at all.
    const at = doc.options.findIndex((o) => o.id === 'api2');
    const after = evaluateWithCurves(read(setAt(doc, ['options', at, 'outputPerM'], '99')), cache);
    const [allApi, ...rest] = after.result.strategies;
    expect(allApi?.timeline).not.toBe(before.result.strategies[0]?.timeline);
    rest.forEach((s, i) => {
      const usesApi2 = doc.strategies[i + 1]?.routes.some((r) => r.optionId === 'api2');
      if (usesApi2) return;
      expect(s.timeline).toBe(before.result.strategies[i + 1]?.timeline);
      expect(after.curves[i + 1]).toBe(before.curves[i + 1]);
    });
  });
});
