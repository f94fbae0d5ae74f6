import type { Dec } from './decimal';

/**
 * The validated scenario as the core sees it: every number is already a `Dec`, every optional
 * field has its default, every reference resolves. Built by `src/scenario` (DESIGN section 4).
 */

export type CalendarSettings = {
  /** 365 or 360 (30/360 convention). */
  daysPerYear: Dec;
};

export type Settings = CalendarSettings & {
  fteCostPerYear: Dec;
  horizonMonths: number;
  discountRatePerYear: Dec;
};

export type Workload = {
  id: string;
  name: string;
  tokensPerDay: Dec;
  inputShare: Dec;
  cachedInputShare: Dec;
  batchShare: Dec;
  peakToAverage: Dec;
  growthPerMonth: Dec;
};

export type ApiOption = {
  kind: 'api';
  id: string;
  name: string;
  inputPerM: Dec;
  outputPerM: Dec;
  cachedInputPerM: Dec;
  batchDiscount: Dec;
  priceChangePerYear: Dec;
  integrationFte: Dec;
  fineTuningOneTime: Dec;
  fineTuningPerMonth: Dec;
};

export type GpuPricing =
  | { mode: 'hourly'; name: string; hourlyPerGpu: Dec }
  | { mode: 'monthly'; name: string; monthlyPerGpu: Dec }
  | {
      mode: 'buy';
      name: string;
      purchasePerGpu: Dec;
      amortizationMonths: Dec;
      residualShare: Dec;
      powerKwPerGpu: Dec;
      pue: Dec;
      pricePerKwh: Dec;
      hostingPerGpuMonth: Dec;
    };

export type StaffTier = { fromTokensPerDay: Dec; fte: Dec };

export type SelfHostOption = {
  kind: 'selfHost';
  id: string;
  name: string;
  gpu: GpuPricing;
  gpusPerReplica: Dec;
  prefillTokensPerSec: Dec;
  decodeTokensPerSec: Dec;
  targetUtilization: Dec;
  minReplicas: Dec;
  storagePerMonth: Dec;
  storagePerGpuMonth: Dec;
  monitoringPerMonth: Dec;
  monitoringPerGpuMonth: Dec;
  /** Sorted by `fromTokensPerDay`, first tier at 0. */
  engineeringFte: StaffTier[];
  fineTuningOneTime: Dec;
  fineTuningPerMonth: Dec;
};

export type Option = ApiOption | SelfHostOption;

export type Route = { workloadId: string; optionId: string; share: Dec };

export type Strategy = { id: string; name: string; routes: Route[] };

export type Scenario = {
  name: string;
  currency: string;
  settings: Settings;
  workloads: Workload[];
  options: Option[];
  strategies: Strategy[];
};
