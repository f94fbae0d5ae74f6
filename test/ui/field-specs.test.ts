import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/core/decimal';
import type { FieldSpec } from '../../src/ui/field-specs';
import {
  SLIDER_STEPS,
  fromFieldText,
  fromSliderPosition,
  toFieldDisplay,
  toFieldText,
  toSliderPosition,
} from '../../src/ui/field-specs';
import { SPECS } from '../../src/ui/input-specs';

const LOG_SPECS = Object.entries(SPECS).filter(([, s]) => s.scale === 'log') as [
  string,
  FieldSpec,
][];
const LINEAR_SPECS = Object.entries(SPECS).filter(([, s]) => s.scale === 'linear') as [
  string,
  FieldSpec,
][];
const PERCENT_SPECS = Object.entries(SPECS).filter(
  ([, s]) => 'percent' in s && s.percent === true,
) as [string, FieldSpec][];

/** A plain decimal string: no exponent, no float noise. */
const PLAIN = /^-?\d+(\.\d+)?$/;

describe('log sliders', () => {
  it('tokens/day runs from 100K at position 0 to 10B at the last position', () => {
    expect(fromSliderPosition(SPECS.tokensPerDay, 0)).toBe('100000');
    expect(fromSliderPosition(SPECS.tokensPerDay, SLIDER_STEPS)).toBe('10000000000');
    expect(toSliderPosition(SPECS.tokensPerDay, '100000')).toBe(0);
    expect(toSliderPosition(SPECS.tokensPerDay, '10000000000')).toBe(SLIDER_STEPS);
    // Orders of magnitude are evenly spaced: 1M, 10M, 100M, 1B at 200, 400, 600, 800.
    expect(toSliderPosition(SPECS.tokensPerDay, '1000000')).toBe(200);
    expect(toSliderPosition(SPECS.tokensPerDay, '100000000')).toBe(600);
    expect(fromSliderPosition(SPECS.tokensPerDay, 800)).toBe('1000000000');
  });

  it('the default volume of 150M sits at position 635 and comes back as exactly 150,000,000', () => {
    const position = toSliderPosition(SPECS.tokensPerDay, '150000000');
    expect(position).toBe(635);
    expect(fromSliderPosition(SPECS.tokensPerDay, 635)).toBe('150000000');
  });

  it.each(LOG_SPECS)(
    '%s: every position gives a clean value of at most 3 significant digits, inside the range',
    (_, spec) => {
      for (let p = 0; p <= SLIDER_STEPS; p++) {
        const text = fromSliderPosition(spec, p);
        expect(text).toMatch(PLAIN);
        const value = new Dec(text);
        expect(value.sd(false)).toBeLessThanOrEqual(3);
        if (spec.integer) expect(value.isInteger()).toBe(true);
        // Rounding to 3 digits may step just outside the ends by at most half a unit in the 3rd digit.
        expect(value.toNumber()).toBeGreaterThanOrEqual(spec.min * 0.995);
        expect(value.toNumber()).toBeLessThanOrEqual(spec.max * 1.005);
      }
    },
  );

  it.each(LOG_SPECS)(
    '%s: position -> value -> position round-trips within one slider step',
    (_, spec) => {
      for (let p = 0; p <= SLIDER_STEPS; p++) {
        const back = toSliderPosition(spec, fromSliderPosition(spec, p));
        expect(back).not.toBeNull();
        expect(Math.abs((back as number) - p)).toBeLessThanOrEqual(1);
      }
    },
  );

  it.each(LOG_SPECS)('%s: value -> position -> value stays within one slider step', (_, spec) => {
    // One step multiplies the value by (max/min)^(1/STEPS); 3-digit rounding adds at most 0.5%.
    const stepRatio = (spec.max / spec.min) ** (1 / SLIDER_STEPS);
    for (let i = 0; i <= 200; i++) {
      const value = spec.min * (spec.max / spec.min) ** (i / 200) * 1.0003;
      const clamped = Math.min(spec.max, value);
      const stored = clamped.toPrecision(6);
      const position = toSliderPosition(spec, stored) as number;
      const back = Number(fromSliderPosition(spec, position));
      const ratio = back / clamped;
      expect(ratio).toBeGreaterThan(1 / (Math.sqrt(stepRatio) * 1.0051));
      expect(ratio).toBeLessThan(Math.sqrt(stepRatio) * 1.0051);
    }
  });

  it('out-of-range values are clamped to the ends, text that is not a number has no position', () => {
    expect(toSliderPosition(SPECS.tokensPerDay, '0')).toBe(0);
    expect(toSliderPosition(SPECS.tokensPerDay, '1000000000000')).toBe(SLIDER_STEPS);
    expect(toSliderPosition(SPECS.inputPerM, '0')).toBe(0);
    expect(toSliderPosition(SPECS.tokensPerDay, 'abc')).toBeNull();
    expect(toSliderPosition(SPECS.tokensPerDay, '1,5')).toBeNull();
    expect(toSliderPosition(SPECS.tokensPerDay, '')).toBeNull();
  });
});

describe('linear sliders', () => {
  it('positions are snapped to the step as exact decimals, with no float noise', () => {
    expect(fromSliderPosition(SPECS.inputShare, 0.1 + 0.2)).toBe('0.3');
    expect(fromSliderPosition(SPECS.inputShare, 0.57)).toBe('0.57');
    expect(fromSliderPosition(SPECS.growthPerMonth, -0.035)).toBe('-0.035');
    expect(fromSliderPosition(SPECS.growthPerMonth, 0.0301)).toBe('0.03');
    expect(fromSliderPosition(SPECS.fineTuningOneTime, 12345)).toBe('12000');
    expect(fromSliderPosition(SPECS.powerKwPerGpu, 1.2751)).toBe('1.275');
  });

  it.each(LINEAR_SPECS)('%s: every step position round-trips exactly', (_, spec) => {
    const step = new Dec(String(spec.step ?? 1));
    const count = new Dec(spec.max).minus(spec.min).div(step).floor().toNumber();
    const stride = Math.max(1, Math.floor(count / 400));
    for (let i = 0; i <= count; i += stride) {
      const exact = new Dec(spec.min).plus(step.mul(i));
      // The browser reports the position as a float, e.g. 0.30000000000000004.
      const position = spec.min + (spec.step ?? 1) * i;
      const text = fromSliderPosition(spec, position);
      expect(text).toMatch(PLAIN);
      expect(new Dec(text).equals(exact)).toBe(true);
      expect(toSliderPosition(spec, text)).toBeCloseTo(exact.toNumber(), 12);
    }
  });

  it('a linear slider shows a stored value as it is, clamped to its range', () => {
    expect(toSliderPosition(SPECS.inputShare, '0.8')).toBe(0.8);
    expect(toSliderPosition(SPECS.peakToAverage, '50')).toBe(10);
    expect(toSliderPosition(SPECS.peakToAverage, '0.5')).toBe(1);
  });
});

describe('percent fields', () => {
  it.each([
    ['12.5', '0.125'],
    ['12.5%', '0.125'],
    ['80', '0.8'],
    ['0.1', '0.001'],
    ['100', '1'],
    ['-3', '-0.03'],
    ['33.333333333333333333', '0.33333333333333333333'],
  ])('"%s" is stored as the exact fraction %s', (typed, stored) => {
    expect(fromFieldText(SPECS.inputShare, typed)).toBe(stored);
  });

  it.each(PERCENT_SPECS)('%s shows the stored fraction as percent and back, exactly', (_, s) => {
    for (const stored of ['0', '0.125', '0.03', '0.005', '1', '0.333333333333']) {
      const shown = toFieldText(s, stored);
      expect(shown).toMatch(PLAIN);
      expect(fromFieldText(s, shown)).toBe(stored);
    }
    expect(toFieldText(s, '0.125')).toBe('12.5');
  });

  it('fields that are not percent are shown and stored unchanged', () => {
    expect(toFieldText(SPECS.inputPerM, '1.25')).toBe('1.25');
    expect(fromFieldText(SPECS.inputPerM, '1.25')).toBe('1.25');
    expect(fromFieldText(SPECS.tokensPerDay, '1e9')).toBe('1000000000');
  });
});

describe('typed text', () => {
  it.each([
    ['150,000,000', '150000000'],
    ['1,000', '1000'],
    ['1,234,567.89', '1234567.89'],
    [' 150000000 ', '150000000'],
    ['150 000 000', '150000000'],
    ['150_000_000', '150000000'],
    ['+5', '5'],
    ['.5', '0.5'],
  ])('"%s" is read as %s', (typed, stored) => {
    expect(fromFieldText(SPECS.tokensPerDay, typed)).toBe(stored);
  });

  it.each(['1,5', '1.000,5', '1,50,000', '12,3456', 'abc', '', '-', '1.2.3', '0x10', '5 tokens'])(
    '"%s" is kept exactly as typed, so validation can name it',
    (typed) => {
      expect(fromFieldText(SPECS.tokensPerDay, typed)).toBe(typed);
      expect(fromFieldText(SPECS.inputPerM, typed)).toBe(typed);
    },
  );

  it('a decimal comma in a percent field is kept as typed too', () => {
    expect(fromFieldText(SPECS.inputShare, '12,5')).toBe('12,5');
    expect(fromFieldText(SPECS.inputShare, '12,5%')).toBe('12,5%');
  });

  it('the field shows stored values grouped for the locale, and invalid text as it is', () => {
    expect(toFieldDisplay(SPECS.tokensPerDay, '150000000', 'en-US')).toBe('150,000,000');
    expect(toFieldDisplay(SPECS.tokensPerDay, '150000000', 'de-DE')).toBe('150.000.000');
    expect(toFieldDisplay(SPECS.inputShare, '0.125', 'en-US')).toBe('12.5');
    expect(toFieldDisplay(SPECS.inputPerM, '0.125', 'en-US')).toBe('0.125');
    expect(toFieldDisplay(SPECS.inputPerM, 'abc', 'en-US')).toBe('abc');
  });
});
