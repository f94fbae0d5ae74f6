import { Dec } from '../core/decimal';
import { hoursPerMonth } from '../core/calendar';
import type { GpuEntry } from '../scenario/catalog';
import type { GpuDoc } from '../scenario/document';
import type { CatalogRef } from '../scenario/presets';

export type GpuPriceBasis = NonNullable<CatalogRef['gpuPrice']>;
export type HourlyBasis = Extract<GpuPriceBasis, 'onDemandHourly' | 'committedHourly'>;

/**
 * The GPU fields a catalog GPU fills for a pricing mode, in one place for every picker and for a
 * mode switch: hourly takes the quote for the basis (committed where the catalog has one);
 * monthly takes that quote times the hours in a month; bought takes the purchase price (when one
 * is public) and the power per GPU. `gpuPrice` records what the price field now cites.
 */
export function gpuPriceFill(
  gpu: GpuEntry,
  mode: GpuDoc['mode'],
  basis: HourlyBasis,
  daysPerYear: string,
): { fields: [keyof GpuDoc | 'name', string][]; gpuPrice: GpuPriceBasis | undefined } {
  const committed = basis === 'committedHourly' && gpu.committedHourly;
  const quote = committed ? gpu.committedHourly : gpu.onDemandHourly;
  const used: HourlyBasis = committed ? 'committedHourly' : 'onDemandHourly';
  const fields: [keyof GpuDoc | 'name', string][] = [['name', gpu.name]];
  if (!quote) return { fields, gpuPrice: undefined };
  if (mode === 'hourly') {
    fields.push(['hourlyPerGpu' as keyof GpuDoc, quote.value]);
    return { fields, gpuPrice: used };
  }
  if (mode === 'monthly') {
    const hours = hoursPerMonth({ daysPerYear: new Dec(daysPerYear) });
    fields.push(['monthlyPerGpu' as keyof GpuDoc, new Dec(quote.value).mul(hours).toFixed()]);
    return { fields, gpuPrice: used };
  }
  fields.push(['powerKwPerGpu' as keyof GpuDoc, gpu.powerKwPerGpu]);
  if (!gpu.purchasePerGpu) return { fields, gpuPrice: undefined };
  fields.push(['purchasePerGpu' as keyof GpuDoc, gpu.purchasePerGpu.value]);
  return { fields, gpuPrice: 'purchasePerGpu' };
}

/** A new GPU object for a mode: from the catalog GPU when there is one, else plain defaults. */
export function gpuForMode(
  mode: GpuDoc['mode'],
  name: string,
  catalogGpu: GpuEntry | undefined,
  basis: HourlyBasis,
  daysPerYear: string,
): { gpu: GpuDoc; gpuPrice: GpuPriceBasis | undefined } {
  const base: GpuDoc =
    mode === 'hourly'
      ? { mode, name, hourlyPerGpu: '2' }
      : mode === 'monthly'
        ? { mode, name, monthlyPerGpu: '1500' }
        : {
            mode,
            name,
            purchasePerGpu: '30000',
            amortizationMonths: '36',
            residualShare: '0.2',
            powerKwPerGpu: '1.275',
            pue: '1.3',
            pricePerKwh: '0.08',
            hostingPerGpuMonth: '100',
          };
  if (!catalogGpu) return { gpu: base, gpuPrice: undefined };
  const fill = gpuPriceFill(catalogGpu, mode, basis, daysPerYear);
  const gpu = { ...base } as Record<string, string>;
  for (const [field, value] of fill.fields) gpu[field] = value;
  return { gpu: gpu as unknown as GpuDoc, gpuPrice: fill.gpuPrice };
}
