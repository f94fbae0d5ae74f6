import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/core/decimal';
import { evaluateModel } from '../../src/core/evaluate';
import { goalSeek } from '../../src/core/goal-seek';
import { parseInputRef, setInputValue } from '../../src/core/input-refs';
import { DEFAULT_PRESET } from '../../src/scenario/presets';
import { validateScenario } from '../../src/scenario/validate-scenario';

const cents = (amount: string) => new Dec(amount).toDecimalPlaces(2, Dec.ROUND_HALF_UP).toFixed(2);

describe('an exact goal-seek result shows equal costs', () => {
  // The GPU hourly price of the default scenario solves to a value where both run-rates sit on a
  // half cent (14,455.625): reported to 30 digits, the strategy came out 1e-26 lower and showed a
  // cent less than the baseline.
  it.each([
    'option/llama-70b-h100/gpu.hourlyPerGpu',
    'option/gpt-5/outputPerM',
    'option/gpt-5/inputPerM',
    'settings/fteCostPerYear',
  ])('%s: both run-rates round to the same cent at the value found', (text) => {
    const v = validateScenario(DEFAULT_PRESET.scenario);
    if (!v.ok) throw new Error('default preset invalid');
    const parsed = parseInputRef(text);
    if (!parsed.ok) throw new Error(parsed.error);
    const strategyId = v.scenario.strategies[1]!.id;
    const found = goalSeek(v.scenario, strategyId, { kind: 'input', ref: parsed.ref });
    if (!found.ok) throw new Error(found.error);
    if (found.result.kind !== 'exact') return; // not every input has an exact root in range
    const set = setInputValue(v.scenario, parsed.ref, new Dec(found.result.value));
    if (!set.ok) throw new Error('could not set the value');
    const [baseline, strategy] = evaluateModel(set.scenario).strategies;
    expect(cents(strategy!.runRate.total)).toBe(cents(baseline!.runRate.total));
  });
});
