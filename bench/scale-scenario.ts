import { benchGpu } from './scenarios';

/**
 * The scale budget of issue 5: 50 workloads, 30 options (15 API, 15 self-hosted) and 12
 * strategies, most of them portfolios of several self-hosted deployments, so the fragmentation
 * analysis has as many pools to try as a valid scenario can give it.
 */
export function scaleScenario({
  workloadCount = 50,
  apiCount = 15,
  selfCount = 15,
  strategyCount = 12,
} = {}) {
  const fte = [
    { fromTokensPerDay: '0', fte: '0.5' },
    { fromTokensPerDay: '1000000000', fte: '1' },
    { fromTokensPerDay: '10000000000', fte: '3' },
  ];
  const workloads = Array.from({ length: workloadCount }, (_, i) => ({
    id: `w${i}`,
    name: `Workload ${i + 1}`,
    tokensPerDay: String(2e6 * (i + 1)),
    inputShare: ['0.7', '0.8', '0.6', '0.9'][i % 4] ?? '0.7',
    cachedInputShare: '0.2',
    batchShare: i % 3 === 0 ? '0.3' : '0',
    peakToAverage: ['2', '1.5', '3'][i % 3] ?? '2',
    growthPerMonth: ['0.01', '0.02', '0.03', '0.05'][i % 4] ?? '0.02',
  }));
  const api = Array.from({ length: apiCount }, (_, i) => ({
    kind: 'api',
    id: `api${i}`,
    name: `API model ${i + 1}`,
    inputPerM: String(0.25 * (i + 1)),
    outputPerM: String(2 * (i + 1)),
    cachedInputPerM: String(0.025 * (i + 1)),
    batchDiscount: '0.5',
    priceChangePerYear: '-0.1',
    integrationFte: '0.1',
  }));
  const self = Array.from({ length: selfCount }, (_, i) => ({
    kind: 'selfHost',
    id: `self${i}`,
    name: `Open model ${i + 1}`,
    gpu: benchGpu(i, String(2 + (i % 5) * 0.5), String(1500 + 100 * i)),
    gpusPerReplica: [1, 2, 4, 8][i % 4] ?? 2,
    prefillTokensPerSec: String(6000 + 1000 * i),
    decodeTokensPerSec: String(1500 + 200 * i),
    targetUtilization: '0.6',
    minReplicas: 1 + (i % 2),
    storagePerMonth: '300',
    storagePerGpuMonth: '15',
    monitoringPerMonth: '200',
    monitoringPerGpuMonth: '10',
    engineeringFte: fte,
    fineTuningOneTime: '5000',
    fineTuningPerMonth: i % 4 === 0 ? '400' : '0',
  }));
  const route = (w: string, o: string, share = '1') => ({ workloadId: w, optionId: o, share });
  const strategies = Array.from({ length: strategyCount }, (_, j) => {
    const id = `s${j}`;
    const name = `Strategy ${j + 1}`;
    if (j === 0)
      return { id, name: 'All on API model 3', routes: workloads.map((w) => route(w.id, 'api2')) };
    if (j === 1)
      return {
        id,
        name: 'One pooled open model',
        routes: workloads.map((w) => route(w.id, 'self1')),
      };
    // Portfolios over 2..selfCount deployments, some workloads split between a deployment and an
    // API (the API part must stay where it is in the pooled counterfactual).
    const spread = Math.min(selfCount, 2 + ((j * 3) % (selfCount - 1)));
    return {
      id,
      name,
      routes: workloads.flatMap((w, i) => {
        const own = `self${(i + j) % spread}`;
        return i % 5 === 0
          ? [route(w.id, own, '0.8'), route(w.id, `api${(i + j) % apiCount}`, '0.2')]
          : [route(w.id, own)];
      }),
    };
  });
  return {
    format: 'llm-tco-scenario',
    version: 1,
    name: `${workloadCount} workloads, ${apiCount + selfCount} options, ${strategyCount} strategies`,
    settings: { horizonMonths: 36 },
    workloads,
    options: [...api, ...self],
    strategies,
  };
}
