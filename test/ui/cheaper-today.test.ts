import { describe, expect, it } from 'vitest';
import type { StrategyResult } from '../../src/core/result';
import { cheaperToday } from '../../src/ui/cheaper-today';

function result(id: string, total: string, savings: string | null): StrategyResult {
  return {
    id,
    name: id,
    runRate: {
      total,
      api: total,
      gpu: '0',
      storage: '0',
      monitoring: '0',
      engineering: '0',
      fineTuning: '0',
    },
    costPerMTokens: null,
    capacity: [],
    timeline: { months: [], residual: '0', npv: '0' },
    vsBaseline:
      savings === null
        ? null
        : {
            runRateSavings: savings,
            npvSavings: '0',
            paybackMonth: null,
            breakEven: { kind: 'always' },
            crossings: [],
          },
    byOption: [],
    byWorkload: [],
  } as StrategyResult;
}

describe('cheaperToday', () => {
  const baseline = result('api', '14455.625', null);
  it('names the cheaper one and the gap', () => {
    expect(cheaperToday(result('self', '14000', '455.625'), baseline).cheaper?.id).toBe('self');
    expect(cheaperToday(result('self', '15000', '-544.375'), baseline).cheaper?.id).toBe('api');
  });
  it('says they cost the same when both show the same amount (a goal-seek result)', () => {
    const self = result('self', '14455.62500000000000000000000001', '-1e-26');
    expect(cheaperToday(self, baseline).cheaper).toBeNull();
  });
  it('still names the cheaper one a cent apart', () => {
    expect(cheaperToday(result('self', '14455.615', '0.01'), baseline).cheaper?.id).toBe('self');
  });
});
