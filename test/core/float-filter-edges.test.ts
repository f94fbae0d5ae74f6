import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/core/decimal';
import { evaluateModel } from '../../src/core/evaluate';
import type { Scenario, SelfHostOption } from '../../src/core/model';
import { validateScenario } from '../../src/scenario/validate-scenario';
import { WORKED_EXAMPLE } from './worked-example';

/**
 * The timeline sizes replicas from float estimates when they are clear of a step
 * (float-filter.ts). Validation keeps inputs >= 1e-40, but analyses (goal seek, sensitivity)
 * build scenarios directly: values at the edge of the float range must take the exact path.
 * With no growth, month 1 of the timeline costs exactly the run-rate, which is sized exactly.
 */
function workedModel(): Scenario {
  const v = validateScenario(WORKED_EXAMPLE);
  if (!v.ok) throw new Error('worked example rejected');
  return v.scenario;
}

function withSelfHost(patch: Partial<SelfHostOption>, tokensPerDay?: string): Scenario {
  const s = workedModel();
  return {
    ...s,
    workloads: s.workloads.map((w) =>
      tokensPerDay === undefined ? w : { ...w, tokensPerDay: new Dec(tokensPerDay) },
    ),
    options: s.options.map((o) => (o.kind === 'selfHost' ? { ...o, ...patch } : o)),
  };
}

describe('timeline sizing at the edges of the float range', () => {
  const cases: [string, Scenario][] = [
    ['subnormal target utilization', withSelfHost({ targetUtilization: new Dec('1.5e-320') })],
    ['tiny target utilization', withSelfHost({ targetUtilization: new Dec('3e-300') })],
    ['subnormal volume', withSelfHost({}, '1e-315')],
    ['huge volume', withSelfHost({}, '1e300')],
    [
      'subnormal staff tier start',
      withSelfHost({
        engineeringFte: [
          { fromTokensPerDay: new Dec(0), fte: new Dec('0.5') },
          { fromTokensPerDay: new Dec('1e-320'), fte: new Dec(2) },
        ],
      }),
    ],
  ];
  for (const [name, model] of cases) {
    it(`${name}: month 1 costs the run-rate`, () => {
      const self = evaluateModel(model).strategies[1];
      expect(self?.timeline.months[0]?.opex).toBe(self?.runRate.total);
    });
  }
});
