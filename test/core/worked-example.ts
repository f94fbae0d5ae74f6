/** DESIGN 3.6a as a scenario: the worked example every reading of the formulas must reproduce. */
export const WORKED_EXAMPLE = {
  format: 'llm-tco-scenario',
  version: 1,
  name: 'DESIGN 3.6a worked example',
  settings: { daysPerYear: 365, fteCostPerYear: 200000, horizonMonths: 12, discountRatePerYear: 0 },
  workloads: [
    {
      id: 'w',
      tokensPerDay: 50000000,
      inputShare: 0.8,
      cachedInputShare: 0.25,
      batchShare: 0,
      peakToAverage: 2,
    },
  ],
  options: [
    {
      kind: 'api',
      id: 'api',
      inputPerM: 1.25,
      outputPerM: 10,
      cachedInputPerM: 0.125,
      integrationFte: 0.1,
    },
    {
      kind: 'selfHost',
      id: 'h100',
      gpu: { mode: 'hourly', hourlyPerGpu: 2.5 },
      gpusPerReplica: 1,
      prefillTokensPerSec: 10000,
      decodeTokensPerSec: 1500,
      targetUtilization: 0.75,
      minReplicas: 1,
      storagePerMonth: 300,
      monitoringPerMonth: 200,
      monitoringPerGpuMonth: 10,
      engineeringFte: [{ fromTokensPerDay: 0, fte: 0.5 }],
    },
  ],
  strategies: [
    { id: 'all-api', routes: [{ workloadId: 'w', optionId: 'api', share: 1 }] },
    { id: 'self', routes: [{ workloadId: 'w', optionId: 'h100', share: 1 }] },
  ],
};
