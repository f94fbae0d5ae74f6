import { Dec } from '../core/decimal';
import { multiplyExact } from './currency-convert';
import type { ScenarioDoc } from './document';

/**
 * Catalog values (API prices, GPU prices) are in USD, each with its source and date. In a scenario
 * in another currency the app brings them over with the rate the user stated in `fx`
 * (currency-schema.ts); the project has no rates of its own, so without a stated rate a catalog
 * value cannot be used as is.
 *
 * @example catalogRate({ currency: 'EUR', fx: { rateFromUsd: '0.92', asOf: '2026-07-31', source: 'ECB' } }) // Dec 0.92
 */
export function catalogRate(doc: Pick<ScenarioDoc, 'currency' | 'fx'>): Dec | null {
  if (doc.currency === 'USD') return new Dec(1);
  return doc.fx ? new Dec(doc.fx.rateFromUsd) : null;
}

/**
 * A catalog amount (USD, decimal text) in the scenario's currency, exactly (see `multiplyExact`);
 * null when the scenario's currency is not USD and no rate is stated.
 *
 * @example fromCatalogUsd('3.99', eurDoc) // '3.6708' at 0.92 EUR per USD
 */
export function fromCatalogUsd(
  usd: string,
  doc: Pick<ScenarioDoc, 'currency' | 'fx'>,
): string | null {
  if (doc.currency === 'USD') return usd;
  const rate = catalogRate(doc);
  return rate === null ? null : multiplyExact(usd, rate).value;
}
