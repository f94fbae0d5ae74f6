import { Dec } from '../core/decimal';
import { hoursPerMonth } from '../core/calendar';
import type { GpuEntry } from '../scenario/catalog';
import type { GpuDoc } from '../scenario/document';
import type { CatalogRef } from '../scenario/presets';
import { catalogAmount } from '../scenario/provenance';
import type { ScenarioCurrency } from '../scenario/provenance';

export type GpuPriceBasis = NonNullable<CatalogRef['gpuPrice']>;
export type HourlyBasis = Extract<GpuPriceBasis, 'onDemandHourly' | 'committedHourly'>;

const USD: ScenarioCurrency = { currency: 'USD' };

/**
 * The GPU fields a catalog GPU fills for a pricing mode, in one place for every picker and for a
 * mode switch: hourly takes the quote for the basis (committed where the catalog has one);
 * monthly takes that quote times the hours in a month; bought takes the purchase price (when one
 * is public) and the power per GPU. `gpuPrice` records what the price field now cites.
 *
 * Catalog prices are in USD: in a scenario in another currency they are multiplied by its stated
 * rate from USD, exactly (provenance.ts `catalogAmount`). Without a usable rate no price is
 * filled and `needsRate` is true (the name, and power for a bought GPU, still are).
 */
export function gpuPriceFill(
  gpu: GpuEntry,
  mode: GpuDoc['mode'],
  basis: HourlyBasis,
  daysPerYear: string,
  scenario: ScenarioCurrency = USD,
): {
  fields: [keyof GpuDoc | 'name', string][];
  gpuPrice: GpuPriceBasis | undefined;
  needsRate: boolean;
} {
  const committed = basis === 'committedHourly' && gpu.committedHourly;
  const quote = committed ? gpu.committedHourly : gpu.onDemandHourly;
  const used: HourlyBasis = committed ? 'committedHourly' : 'onDemandHourly';
  const fields: [keyof GpuDoc | 'name', string][] = [['name', gpu.name]];
  const noPrice = (needsRate: boolean) => ({ fields, gpuPrice: undefined, needsRate });
  if (mode === 'buy') fields.push(['powerKwPerGpu' as keyof GpuDoc, gpu.powerKwPerGpu]);
  const usd = mode === 'buy' ? gpu.purchasePerGpu?.value : quote?.value;
  if (usd === undefined) return noPrice(false);
  const amount = catalogAmount(usd, scenario);
  if (amount === null) return noPrice(true);
  if (mode === 'hourly') {
    fields.push(['hourlyPerGpu' as keyof GpuDoc, amount]);
    return { fields, gpuPrice: used, needsRate: false };
  }
  if (mode === 'monthly') {
    const hours = hoursPerMonth({ daysPerYear: new Dec(daysPerYear) });
    fields.push(['monthlyPerGpu' as keyof GpuDoc, new Dec(amount).mul(hours).toFixed()]);
    return { fields, gpuPrice: used, needsRate: false };
  }
  fields.push(['purchasePerGpu' as keyof GpuDoc, amount]);
  return { fields, gpuPrice: 'purchasePerGpu', needsRate: false };
}

/**
 * A new GPU object for a mode: from the catalog GPU when there is one, else plain defaults. The
 * plain defaults are dollar figures, so they too are brought over with the scenario's rate when
 * it has one (left as they are, to be edited, when it has none).
 */
export function gpuForMode(
  mode: GpuDoc['mode'],
  name: string,
  catalogGpu: GpuEntry | undefined,
  basis: HourlyBasis,
  daysPerYear: string,
  scenario: ScenarioCurrency = USD,
): { gpu: GpuDoc; gpuPrice: GpuPriceBasis | undefined } {
  const money = (usd: string) => catalogAmount(usd, scenario) ?? usd;
  const base: GpuDoc =
    mode === 'hourly'
      ? { mode, name, hourlyPerGpu: money('2') }
      : mode === 'monthly'
        ? { mode, name, monthlyPerGpu: money('1500') }
        : {
            mode,
            name,
            purchasePerGpu: money('30000'),
            amortizationMonths: '36',
            residualShare: '0.2',
            powerKwPerGpu: '1.275',
            pue: '1.3',
            pricePerKwh: money('0.08'),
            hostingPerGpuMonth: money('100'),
          };
  if (!catalogGpu) return { gpu: base, gpuPrice: undefined };
  const fill = gpuPriceFill(catalogGpu, mode, basis, daysPerYear, scenario);
  const gpu = { ...base } as Record<string, string>;
  for (const [field, value] of fill.fields) gpu[field] = value;
  return { gpu: gpu as unknown as GpuDoc, gpuPrice: fill.gpuPrice };
}
