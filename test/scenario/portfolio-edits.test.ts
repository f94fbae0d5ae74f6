import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Dec } from '../../src/core/decimal';
import { validateScenario } from '../../src/scenario/validate-scenario';
import { inputsFromPreset } from '../../src/state/inputs-from-preset';
import { DEFAULT_PRESET } from '../../src/scenario/presets';
import type { ScenarioDoc } from '../../src/scenario/document';
import {
  addOption,
  addStrategy,
  addWorkload,
  moveItem,
  removeOption,
  removeStrategy,
  removeWorkload,
  routeAllTo,
  routeHybrid,
  setRouteShare,
  uniqueId,
  workloadShareTotal,
} from '../../src/scenario/portfolio-edits';

const base = (): ScenarioDoc => inputsFromPreset(DEFAULT_PRESET).doc;
const valid = (doc: ScenarioDoc) => validateScenario(doc).ok;
const EMPTY: ScenarioDoc = {
  ...base(),
  workloads: [],
  options: [],
  strategies: [{ id: 'baseline', name: 'Baseline', routes: [] }],
};

describe('portfolio edits', () => {
  it('ids are unique and readable', () => {
    expect(uniqueId('Workload', [])).toBe('workload');
    expect(uniqueId('workload', ['workload', 'workload-2'])).toBe('workload-3');
    expect(uniqueId('  ', [])).toBe('item');
  });

  it('an empty scenario is valid, and grows into a valid three-workload portfolio', () => {
    expect(valid(EMPTY)).toBe(true);
    let doc = addWorkload(EMPTY, 'Support');
    // No option yet: the workload cannot be routed, and validation says so.
    expect(validateScenario(doc).ok).toBe(false);
    const api = addOption(doc, 'api', 'Closed API');
    doc = routeAllTo(api.doc, 0, api.id);
    expect(valid(doc)).toBe(true);
    doc = addWorkload(doc, 'Coding');
    doc = addWorkload(doc, 'Search');
    expect(doc.workloads.map((w) => w.name)).toEqual(['Support', 'Coding', 'Search']);
    // New workloads go to the strategy's main option, so the scenario stays valid.
    expect(valid(doc)).toBe(true);
    const self = addOption(doc, 'selfHost');
    const second = addStrategy(self.doc, 0, 'Hybrid');
    doc = routeAllTo(second.doc, 1, self.id);
    doc = routeHybrid(doc, 1, api.id, '0.1');
    expect(valid(doc)).toBe(true);
    for (const w of doc.workloads) {
      const routes = doc.strategies[1]!.routes.filter((r) => r.workloadId === w.id);
      expect(routes).toEqual([
        { workloadId: w.id, optionId: self.id, share: '0.9' },
        { workloadId: w.id, optionId: api.id, share: '0.1' },
      ]);
    }
  });

  it('a hybrid keeps each workload at exactly 100%, whatever its routes were', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 997 }), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 0, max: 100 }),
        (weights, percent) => {
          let doc = base();
          const extra = addOption(doc, 'selfHost');
          doc = extra.doc;
          const w = doc.workloads[0]!;
          const total = weights.reduce((a, b) => a + b, 0);
          const ids = [doc.options[1]!.id, extra.id, doc.options[0]!.id].slice(0, weights.length);
          doc = { ...doc, strategies: [{ ...doc.strategies[0]!, routes: [] }, doc.strategies[1]!] };
          let rest = new Dec(1);
          ids.forEach((id, i) => {
            const share =
              i === ids.length - 1 ? rest : new Dec(weights[i]!).div(total).toDecimalPlaces(12);
            rest = rest.minus(share);
            doc = setRouteShare(doc, 0, w.id, id, share.toFixed());
          });
          const apiId = doc.options[0]!.id;
          const share = new Dec(percent).div(100).toFixed();
          const hybrid = routeHybrid(doc, 0, apiId, share);
          expect(workloadShareTotal(hybrid.strategies[0]!, w.id)).toBe('1');
          const onApi = hybrid.strategies[0]!.routes.filter((r) => r.optionId === apiId);
          // The workload always has a self-hosted route to keep, so the API gets exactly N%.
          expect(onApi.reduce((s, r) => s.plus(r.share), new Dec(0)).toFixed()).toBe(
            percent === 0 ? '0' : share,
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it('removing an option drops its routes and validation names the shortfall', () => {
    const doc = removeOption(base(), base().options[1]!.id);
    const v = validateScenario(doc);
    expect(v.ok).toBe(false);
    if (!v.ok)
      expect(v.errors.map((e) => e.message).join(' ')).toMatch(/every strategy must route/);
  });

  it('removing a workload removes its routes everywhere; the last strategy stays', () => {
    let doc = addWorkload(base(), 'Second');
    doc = removeWorkload(doc, doc.workloads[0]!.id);
    expect(doc.workloads.map((w) => w.name)).toEqual(['Second']);
    expect(valid(doc)).toBe(true);
    doc = removeStrategy(removeStrategy(doc, 1), 0);
    expect(doc.strategies).toHaveLength(1);
  });

  it('a matrix cell set to a share, to zero, and cleared', () => {
    const doc = base();
    const w = doc.workloads[0]!.id;
    const api = doc.options[0]!.id;
    const self = doc.options[1]!.id;
    let edited = setRouteShare(doc, 1, w, self, '0.75');
    edited = setRouteShare(edited, 1, w, api, '0.25');
    expect(valid(edited)).toBe(true);
    expect(workloadShareTotal(edited.strategies[1]!, w)).toBe('1');
    edited = setRouteShare(edited, 1, w, api, null);
    expect(workloadShareTotal(edited.strategies[1]!, w)).toBe('0.75');
    expect(valid(edited)).toBe(false);
  });

  it('moves clamp at the ends', () => {
    expect(moveItem([1, 2, 3], 0, -1)).toEqual([1, 2, 3]);
    expect(moveItem([1, 2, 3], 0, 1)).toEqual([2, 1, 3]);
    expect(moveItem([1, 2, 3], 2, 5)).toEqual([1, 2, 3]);
  });
});
