import { ONE } from './decimal';
import type { Dec } from './decimal';
import type { GpuPricing } from './model';

/**
 * Run-rate cost of one GPU for one month (DESIGN 3.3). For bought GPUs this is straight-line
 * amortization of the purchase net of residual value, plus power (with PUE) and hosting; the
 * timeline (DESIGN 3.6) uses cash capex instead.
 */
export function perGpuMonth(gpu: GpuPricing, hoursPerMonth: Dec): Dec {
  switch (gpu.mode) {
    case 'hourly':
      return gpu.hourlyPerGpu.mul(hoursPerMonth);
    case 'monthly':
      return gpu.monthlyPerGpu;
    case 'buy':
      return gpu.purchasePerGpu
        .mul(ONE.minus(gpu.residualShare))
        .div(gpu.amortizationMonths)
        .plus(ownedGpuRunningPerMonth(gpu, hoursPerMonth));
  }
}

/** Power (kW · PUE · hours · price per kWh) plus hosting of one owned GPU for one month. */
export function ownedGpuRunningPerMonth(
  gpu: Extract<GpuPricing, { mode: 'buy' }>,
  hoursPerMonth: Dec,
): Dec {
  return gpu.powerKwPerGpu
    .mul(gpu.pue)
    .mul(hoursPerMonth)
    .mul(gpu.pricePerKwh)
    .plus(gpu.hostingPerGpuMonth);
}
