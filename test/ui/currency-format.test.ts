import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../src/ui/format';
import { chartMoney, compactMoney } from '../../src/ui/charts/chart-format';
import { scaleMoneySpec, SPECS } from '../../src/ui/input-specs';
import { catalogAmount, catalogConversionText, catalogFx } from '../../src/scenario/provenance';
import { describeField, fullAmount } from '../../src/ui/currency-text';
import { fromCatalogUsd } from '../../src/scenario/currency-fx';
import { DEFAULT_PRESET } from '../../src/scenario/presets';
import { inputsFromPreset } from '../../src/state/inputs-from-preset';

const EUR = { currency: 'EUR', fx: { rateFromUsd: '0.92', asOf: '2026-07-31', source: 'ECB' } };

// Intl puts a no-break space between a currency code and the amount.
describe('money is shown to the minor unit of the scenario currency', () => {
  it.each([
    ['USD', '1234.565', '$1,234.57'],
    ['EUR', '1234.565', '€1,234.57'],
    ['JPY', '1234.5', '¥1,235'],
    ['JPY', '-1234.5', '-¥1,235'],
    ['KWD', '1234.5675', 'KWD\u00a01,234.568'],
    ['BHD', '0.0005', 'BHD\u00a00.001'],
  ])('%s %s -> %s (half away from zero)', (currency, amount, shown) => {
    expect(formatMoney(amount, currency, 'en-US')).toBe(shown);
  });

  it('chart axes and tooltips too', () => {
    expect(chartMoney(1234.5, 'JPY', 'en-US')).toBe('¥1,235');
    expect(chartMoney(1234.5675, 'KWD', 'en-US')).toBe('KWD\u00a01,234.568');
    expect(compactMoney(25_000, 'USD', 'en-US')).toBe('$25K');
    expect(compactMoney(3_300_000, 'JPY', 'en-US')).toBe('¥3.3M');
    expect(compactMoney(7_700, 'KWD', 'en-US')).toBe('KWD\u00a07.7K');
  });
});

describe('catalog prices (USD) in the scenario currency', () => {
  it('are the USD figure times the stated rate, exactly', () => {
    expect(catalogAmount('2.5', EUR)).toBe('2.3');
    expect(catalogAmount('3.99', EUR)).toBe('3.6708');
    expect(catalogAmount('2.5', { currency: 'USD' })).toBe('2.5');
    expect(catalogConversionText('2.5', EUR)).toBe(
      'USD 2.50 × 0.92 EUR/USD (your rate, as of 2026-07-31)',
    );
    expect(catalogConversionText('30000', EUR)).toMatch(/^USD 30,000\.00 × 0\.92/);
    expect(catalogConversionText('0.125', EUR)).toMatch(/^USD 0\.125 × /);
  });

  it("agree with the format side's exact product (which the first screen cannot load)", () => {
    for (const rate of ['0.92', '149.9968', '1400', '0.000123456789', '999999.999999']) {
      const doc = { currency: 'XYZ', fx: { ...EUR.fx, rateFromUsd: rate } };
      for (const usd of ['0', '0.125', '2.5', '3.99', '30000', '12345.6789012345']) {
        expect(catalogAmount(usd, doc)).toBe(fromCatalogUsd(usd, doc));
      }
    }
  });

  it('need a whole stated rate: a number above 0 with a date and a source', () => {
    expect(catalogAmount('2.5', { currency: 'EUR' })).toBeNull();
    expect(catalogConversionText('2.5', { currency: 'EUR' })).toBe(
      'USD 2.50: state a rate from USD to EUR to use it',
    );
    for (const fx of [
      { ...EUR.fx, rateFromUsd: 'abc' },
      { ...EUR.fx, rateFromUsd: '0' },
      { ...EUR.fx, rateFromUsd: '1000001' },
      { ...EUR.fx, asOf: '' },
      { ...EUR.fx, source: ' ' },
    ]) {
      expect(catalogFx({ currency: 'EUR', fx })).toBeNull();
    }
  });
});

describe('money sliders cover the same economic range in any currency', () => {
  it('scale by the rate from USD, with round steps; other inputs stay', () => {
    expect(scaleMoneySpec(SPECS.fteCostPerYear, 0.92)).toMatchObject({
      min: 46_000,
      max: 460_000,
      step: 1_000,
    });
    expect(scaleMoneySpec(SPECS.fteCostPerYear, 150)).toMatchObject({
      min: 7_400_000,
      max: 75_000_000,
      step: 200_000,
    });
    expect(scaleMoneySpec(SPECS.hourlyPerGpu, 1400)).toMatchObject({ min: 140, max: 28_000 });
    expect(scaleMoneySpec(SPECS.pricePerKwh, 0.92)).toMatchObject({
      min: 0.005,
      max: 0.46,
      step: 0.005,
    });
    expect(scaleMoneySpec(SPECS.tokensPerDay, 150)).toBe(SPECS.tokensPerDay);
    expect(scaleMoneySpec(SPECS.fteCostPerYear, 1)).toBe(SPECS.fteCostPerYear);
  });
});

describe('converted fields in words', () => {
  const { doc } = inputsFromPreset(DEFAULT_PRESET);
  it.each([
    ['settings.fteCostPerYear', 'Finance: Engineer cost'],
    ['options[0].outputPerM', 'GPT-5 (OpenAI API): Output price'],
    ['options[1].gpu.hourlyPerGpu', 'Llama 3.3 70B on rented H100 pairs: GPU price'],
    [
      'options[1].engineeringFte[2].fte',
      'Llama 3.3 70B on rented H100 pairs: staff tier 3, Engineers',
    ],
    ['fx.rateFromUsd', 'Rate from USD'],
    ['something.else', 'something.else'],
  ])('%s -> %s', (path, words) => {
    expect(describeField(doc, path)).toBe(words);
  });

  it('amounts keep every digit', () => {
    expect(fullAmount('220800', 'en-US')).toBe('220,800');
    expect(fullAmount('1234.000000000000000000000001', 'en-US')).toBe(
      '1,234.000000000000000000000001',
    );
    expect(fullAmount('1234,5', 'en-US')).toBe('1234,5');
  });
});
