import { describe, expect, it } from 'vitest';
import { evaluateScenario } from '../../src/index';
import { validateScenario } from '../../src/scenario/validate-scenario';
import { decodeScenarioLink, encodeScenarioLink } from '../../src/scenario/link-codec';
import { WORKED_EXAMPLE } from '../core/worked-example';

const withApiPrice = (price: string) => ({
  ...WORKED_EXAMPLE,
  options: [{ ...WORKED_EXAMPLE.options[0], inputPerM: price }, WORKED_EXAMPLE.options[1]],
});

describe('regressions from the code review', () => {
  it('refuses a value with more decimal places than a document can write back (1e-100)', () => {
    const r = evaluateScenario(withApiPrice('1e-100'));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors).toEqual([
        {
          path: 'options[0].inputPerM',
          message: expect.stringMatching(/at most 40 decimal places/),
        },
      ]);
    }
    // Whatever validates also round-trips through a share link.
    const tiny = validateScenario(withApiPrice('1e-40'));
    expect(tiny.ok).toBe(true);
    if (tiny.ok) {
      const decoded = decodeScenarioLink(encodeScenarioLink(tiny.document), tiny.document);
      expect(decoded.kind).toBe('ok');
    }
  });

  it('needs at least one strategy (the baseline)', () => {
    const r = evaluateScenario({ ...WORKED_EXAMPLE, strategies: [] });
    expect(r.ok ? [] : r.errors).toEqual([
      { path: 'strategies', message: 'must have at least one strategy: the first is the baseline' },
    ]);
  });

  it('does not say "the gap only widens" when the marginal costs are equal to the cent', () => {
    const r = evaluateScenario({
      ...WORKED_EXAMPLE,
      options: [
        { kind: 'api', id: 'a', inputPerM: '0.28', outputPerM: '0.28' },
        { kind: 'api', id: 'b', inputPerM: '0.28', outputPerM: '0.28', integrationFte: 1 },
      ],
      strategies: [
        { id: 'a', routes: [{ workloadId: 'w', optionId: 'a', share: 1 }] },
        { id: 'b', routes: [{ workloadId: 'w', optionId: 'b', share: 1 }] },
      ],
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const be = r.result.strategies[1]?.vsBaseline?.breakEven;
    expect(be?.kind).toBe('never');
    if (be?.kind === 'never') {
      expect(be.reason).not.toMatch(/widens/);
      expect(be.reason).toMatch(/not recovered/);
    }
  });
});
