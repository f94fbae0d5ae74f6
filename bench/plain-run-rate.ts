/**
 * The run-rate of DESIGN 3.2-3.3 in plain JavaScript numbers, for one API route and one
 * self-hosted route. Only the benchmark uses it: it measures what exactness costs.
 */
export type PlainInputs = {
  tokensPerDay: number;
  inputShare: number;
  cachedInputShare: number;
  batchShare: number;
  peakToAverage: number;
  daysPerYear: number;
  fteCostPerYear: number;
  api: {
    inputPerM: number;
    outputPerM: number;
    cachedInputPerM: number;
    batchDiscount: number;
    integrationFte: number;
  };
  self: {
    hourlyPerGpu: number;
    gpusPerReplica: number;
    prefill: number;
    decode: number;
    targetUtilization: number;
    minReplicas: number;
    storagePerMonth: number;
    monitoringPerMonth: number;
    monitoringPerGpuMonth: number;
    fte: number;
  };
};

export function plainRunRates(p: PlainInputs): { api: number; self: number } {
  const i = p.inputShare;
  const c = p.cachedInputShare;
  const mix =
    i * (1 - c) * p.api.inputPerM + i * c * p.api.cachedInputPerM + (1 - i) * p.api.outputPerM;
  const usage =
    ((p.tokensPerDay * mix) / 1e6) *
    (p.daysPerYear / 12) *
    (1 - p.batchShare * p.api.batchDiscount);
  const api = usage + (p.api.integrationFte * p.fteCostPerYear) / 12;
  const x = (p.tokensPerDay * (i / p.self.prefill + (1 - i) / p.self.decode)) / 86400;
  const needed = Math.max(p.peakToAverage * (1 - p.batchShare) * x, x);
  const replicas = Math.max(p.self.minReplicas, Math.ceil(needed / p.self.targetUtilization));
  const gpus = replicas * p.self.gpusPerReplica;
  const self =
    gpus * p.self.hourlyPerGpu * p.daysPerYear * 2 +
    p.self.storagePerMonth +
    p.self.monitoringPerMonth +
    p.self.monitoringPerGpuMonth * gpus +
    (p.self.fte * p.fteCostPerYear) / 12;
  return { api, self };
}
