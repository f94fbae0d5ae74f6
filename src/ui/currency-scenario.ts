import { useMemo } from 'react';
import { useCalculator, useCalculatorShallow } from '../state/store-context';
import type { ScenarioCurrency } from '../scenario/provenance';
import type { FieldSpec } from './field-specs';
import { scaleMoneySpec } from './input-specs';

/**
 * The scenario's currency and stated rate from USD (the `fx` section, possibly half typed), for
 * the parts that bring catalog values (USD) into the scenario: re-renders only when they change.
 */
export function useScenarioCurrency(): ScenarioCurrency {
  return useCalculatorShallow((s) =>
    s.doc.fx ? { currency: s.doc.currency, fx: s.doc.fx } : { currency: s.doc.currency },
  );
}

/** A catalog price as the catalog quotes it: "$2.50" in a USD scenario, "USD 2.50" elsewhere (a "$" could be read as CAD or AUD). */
export function usdText(value: string, currency: string): string {
  return currency === 'USD' ? `$${value}` : `USD ${value}`;
}

/** What a catalog pick says when the scenario's currency has no usable rate from USD. */
export function needsRateText(currency: string): string {
  return `Catalog prices are in USD: state your rate from USD to ${currency} (Finance, Currency) to use them.`;
}

/**
 * A field's spec with its slider range in the scenario's currency (`scaleMoneySpec`): money
 * inputs scale by the stated rate from USD; every other input, and a scenario without a usable
 * rate, keeps the spec as it is.
 */
export function useMoneySpec(spec: FieldSpec): FieldSpec {
  const rate = useCalculator((s) =>
    spec.money && s.doc.currency !== 'USD' ? (s.doc.fx?.rateFromUsd ?? '1') : '1',
  );
  return useMemo(() => {
    const value = /^\d+(\.\d+)?$/.test(rate) ? Number(rate) : 1;
    return scaleMoneySpec(spec, value);
  }, [spec, rate]);
}
