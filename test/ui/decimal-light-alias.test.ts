import { describe, expect, it } from 'vitest';
import {
  getNiceTickValues,
  getTickValuesFixedDomain,
} from 'recharts/es6/util/scale/getNiceTickValues';
import DecimalLight from 'decimal.js-light';
import { Dec } from '../../src/core/decimal';
import expected from '../fixtures/recharts-ticks.json';

/**
 * The build points recharts' decimal.js-light at decimal.js (src/vendor/decimal-js-light.ts).
 * The fixture holds recharts' tick values computed with the real decimal.js-light (Node, no
 * alias); with the alias the ticks must be identical.
 */
describe('recharts on decimal.js instead of decimal.js-light', () => {
  it('is really aliased, and leaves the core Decimal configuration alone', () => {
    // decimal.js has static maths functions; decimal.js-light has only clone and config.
    expect(typeof (DecimalLight as unknown as { sqrt?: unknown }).sqrt).toBe('function');
    expect(typeof (new DecimalLight(3) as unknown as { isint: () => boolean }).isint).toBe(
      'function',
    );
    expect(DecimalLight.precision).toBe(20);
    expect(Dec.precision).toBe(40);
  });

  it.each(expected.map((c) => [JSON.stringify(c.d), c.count, c.allowDecimals, c] as const))(
    'domain %s, %i ticks, decimals %s: the same ticks',
    (_d, count, allowDecimals, c) => {
      const domain = [c.d[0] as number, c.d[1] as number] as [number, number];
      expect(getNiceTickValues(domain, count, allowDecimals)).toEqual(c.nice);
      expect(getTickValuesFixedDomain(domain, count, allowDecimals)).toEqual(c.fixed);
    },
  );
});
