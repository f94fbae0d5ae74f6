import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { Calculator } from '../../src/app/Calculator';
import { evaluateScenario } from '../../src/index';
import { validateScenario } from '../../src/scenario/validate-scenario';
import { formatTokens } from '../../src/ui/format';

// vitest runs without globals here, so Testing Library cannot register its own cleanup.
afterEach(cleanup);

/**
 * A self-hosted option whose replica costs 90% of what the API charges for a replica's worth of
 * tokens: its cost climbs in stairs that cross the API's line again and again before staying
 * below it, so the break-even (the last crossing down) is not where it first gets cheaper.
 */
const SAWTOOTH = {
  format: 'llm-tco-scenario',
  version: 1,
  name: 'Sawtooth',
  settings: { fteCostPerYear: '200000', horizonMonths: '12', discountRatePerYear: '0' },
  workloads: [{ id: 'w', tokensPerDay: '100000000', inputShare: '0', peakToAverage: '1' }],
  options: [
    { kind: 'api', id: 'api', name: 'API', inputPerM: '1', outputPerM: '1' },
    {
      kind: 'selfHost',
      id: 'self',
      name: 'Self-hosted',
      gpu: { mode: 'hourly', name: 'GPU', hourlyPerGpu: '3.24' },
      gpusPerReplica: 1,
      prefillTokensPerSec: '1000',
      decodeTokensPerSec: '1000',
      targetUtilization: '1',
      engineeringFte: [{ fromTokensPerDay: '0', fte: '0' }],
    },
  ],
  strategies: [
    { id: 'a', name: 'All API', routes: [{ workloadId: 'w', optionId: 'api', share: 1 }] },
    { id: 'b', name: 'All self-hosted', routes: [{ workloadId: 'w', optionId: 'self', share: 1 }] },
  ],
};

describe('the headline with several crossings', () => {
  it('names every crossing beside the break-even', () => {
    const evaluated = evaluateScenario(SAWTOOTH);
    if (!evaluated.ok) throw new Error(JSON.stringify(evaluated.errors));
    const vs = evaluated.result.strategies[1]!.vsBaseline!;
    expect(vs.crossings.length).toBeGreaterThan(2);
    const v = validateScenario(SAWTOOTH);
    if (!v.ok) throw new Error('invalid');
    render(
      <Calculator
        initial={{
          doc: v.document,
          validDoc: v.document,
          origin: { presetId: null, loaded: v.document, catalogRefs: {} },
        }}
      />,
    );
    const expected = vs.crossings
      .map(
        (c) =>
          `${c.direction === 'down' ? 'cheaper' : 'dearer'} from ${formatTokens(c.tokensPerDay)}`,
      )
      .join(', ');
    expect(
      screen.getByText(
        (_, el) => el?.tagName === 'DD' && el.textContent?.includes('the costs cross') === true,
      ),
    ).toHaveTextContent(`(the costs cross ${vs.crossings.length} times: ${expected})`);
    expect(vs.crossings[0]!.direction).toBe('down');
    expect(vs.crossings[1]!.direction).toBe('up');
  });
});
