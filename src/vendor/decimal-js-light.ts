import Decimal from 'decimal.js';

/**
 * recharts computes its axis ticks with decimal.js-light, a subset of decimal.js by the same
 * author with the same API and the same defaults (precision 20, half-up rounding). vite.config.ts
 * points `decimal.js-light` here, so the app ships one decimal library instead of two (about
 * 7 KB gzip less in the charts chunk).
 *
 * The one method recharts calls that decimal.js names differently is `isint` (decimal.js:
 * `isInt` / `isInteger`). decimal.js clones share one prototype, so the alias is added there; it
 * is a second name for an existing method and changes nothing else. This module's own clone
 * keeps decimal.js-light's defaults, independent of the core's 40-digit `Dec`.
 */
type WithIsint = { isint?: () => boolean };
const prototype = Decimal.prototype as unknown as WithIsint & { isInteger: () => boolean };
if (!prototype.isint) prototype.isint = prototype.isInteger;

const DecimalLight = Decimal.clone({ precision: 20, rounding: Decimal.ROUND_HALF_UP });

export default DecimalLight;
