/** Scenarios the benchmarks run, built from the budgets in the issues. */

const fte = [
  { fromTokensPerDay: 0, fte: 0.5 },
  { fromTokensPerDay: 1e9, fte: 1 },
  { fromTokensPerDay: 1e10, fte: 3 },
];

/**
 * API against a self-hosted option whose replica serves about 1e8 tokens/day, so more than
 * 10,000 replica steps lie below the 1e12 tokens/day cap.
 */
export function manyStepsScenario() {
  return {
    format: 'llm-tco-scenario',
    version: 1,
    settings: { horizonMonths: 1 },
    workloads: [{ id: 'w', tokensPerDay: 50e6, inputShare: 0.75, peakToAverage: 1 }],
    options: [
      { kind: 'api', id: 'api', inputPerM: 0.5, outputPerM: 2 },
      {
        kind: 'selfHost',
        id: 'small',
        gpu: { mode: 'hourly', hourlyPerGpu: 0.7 },
        // 1e8 tokens/day per replica at full load: 1e8 / 86400 ≈ 1157.4 tokens/s.
        prefillTokensPerSec: '1157.407407407407',
        decodeTokensPerSec: '1157.407407407407',
        targetUtilization: 1,
        minReplicas: 1,
        engineeringFte: fte,
      },
    ],
    strategies: [
      { id: 'api', routes: [{ workloadId: 'w', optionId: 'api', share: 1 }] },
      { id: 'self', routes: [{ workloadId: 'w', optionId: 'small', share: 1 }] },
    ],
  };
}

/** 20 workloads, 12 options (6 API, 6 self-hosted), 6 strategies, a 120-month timeline. */
export function portfolioScenario() {
  const workloads = Array.from({ length: 20 }, (_, i) => ({
    id: `w${i}`,
    name: `Workload ${i + 1}`,
    tokensPerDay: String(5e6 * (i + 1)),
    inputShare: '0.7',
    cachedInputShare: '0.2',
    batchShare: i % 3 === 0 ? '0.3' : '0',
    peakToAverage: '2',
    // Four distinct growth rates: the timeline groups routes by rate, so this is not the best case.
    growthPerMonth: ['0.01', '0.02', '0.03', '0.05'][i % 4] ?? '0.02',
  }));
  const options = [
    ...Array.from({ length: 6 }, (_, i) => ({
      kind: 'api',
      id: `api${i}`,
      inputPerM: String(0.25 * (i + 1)),
      outputPerM: String(2 * (i + 1)),
      cachedInputPerM: String(0.025 * (i + 1)),
      batchDiscount: '0.5',
      priceChangePerYear: '-0.1',
      integrationFte: '0.1',
    })),
    ...Array.from({ length: 6 }, (_, i) => ({
      kind: 'selfHost',
      id: `self${i}`,
      gpu: benchGpu(i, '3.49', '2100'),
      gpusPerReplica: 2,
      prefillTokensPerSec: '6797',
      decodeTokensPerSec: '12624',
      targetUtilization: '0.6',
      minReplicas: 1,
      storagePerMonth: '300',
      storagePerGpuMonth: '15',
      monitoringPerMonth: '200',
      monitoringPerGpuMonth: '10',
      engineeringFte: fte,
      fineTuningOneTime: '5000',
    })),
  ];
  const route = (w: string, o: string, share = '1') => ({ workloadId: w, optionId: o, share });
  const strategies = [
    { id: 'all-api', routes: workloads.map((w) => route(w.id, 'api2')) },
    { id: 'pooled', routes: workloads.map((w) => route(w.id, 'self1')) },
    { id: 'portfolio', routes: workloads.map((w, i) => route(w.id, `self${i % 6}`)) },
    {
      id: 'hybrid',
      routes: workloads.flatMap((w) => [route(w.id, 'self0', '0.9'), route(w.id, 'api4', '0.1')]),
    },
    { id: 'cheap-api', routes: workloads.map((w, i) => route(w.id, `api${i % 2}`)) },
    {
      id: 'mixed',
      routes: workloads.map((w, i) => route(w.id, i < 10 ? `self${i % 3}` : `api${i % 6}`)),
    },
  ];
  return {
    format: 'llm-tco-scenario',
    version: 1,
    settings: { horizonMonths: 120 },
    workloads,
    options,
    strategies,
  };
}

/** 10 workloads, 8 options (4 API, 4 self-hosted), 4 strategies: the share-link size budget case. */
export function linkBudgetScenario() {
  const names = [
    'Support chat',
    'Code assistant',
    'Document search',
    'Summaries',
    'Translation',
    'Sales email',
    'Contract review',
    'Analytics Q&A',
    'Onboarding bot',
    'Ticket triage',
  ];
  const workloads = names.map((name, i) => ({
    id: `w${i + 1}`,
    name,
    tokensPerDay: String((i + 1) * 12_500_000),
    inputShare: ['0.8', '0.6', '0.9', '0.85', '0.5'][i % 5],
    cachedInputShare: ['0.3', '0.1', '0.5', '0', '0.2'][i % 5],
    batchShare: i % 3 === 0 ? '0.4' : '0',
    peakToAverage: ['2.5', '3', '1.5', '2'][i % 4],
    growthPerMonth: ['0.03', '0.02', '0.05', '0.01'][i % 4],
  }));
  const api = [
    {
      id: 'gpt-5',
      name: 'GPT-5 (OpenAI API)',
      inputPerM: '1.25',
      outputPerM: '10',
      cachedInputPerM: '0.125',
    },
    {
      id: 'sonnet',
      name: 'Claude Sonnet 4.5',
      inputPerM: '3',
      outputPerM: '15',
      cachedInputPerM: '0.3',
      batchDiscount: '0.5',
    },
    {
      id: 'gemini',
      name: 'Gemini 2.5 Flash',
      inputPerM: '0.3',
      outputPerM: '2.5',
      cachedInputPerM: '0.03',
    },
    {
      id: 'deepseek',
      name: 'DeepSeek V3.2',
      inputPerM: '0.28',
      outputPerM: '0.42',
      cachedInputPerM: '0.028',
    },
  ].map((o) => ({ kind: 'api', integrationFte: '0.1', ...o }));
  const self = [
    {
      id: 'llama-h100',
      name: 'Llama 3.3 70B on H100 x2',
      hourly: '3.99',
      gpr: 2,
      pf: '6797',
      dc: '12624',
    },
    {
      id: 'scout-h200',
      name: 'Llama 4 Scout on H200 x4',
      hourly: '4.5',
      gpr: 4,
      pf: '74060',
      dc: '30565',
    },
    {
      id: 'qwen-b200',
      name: 'Qwen3 235B on B200 x4',
      hourly: '6.69',
      gpr: 4,
      pf: '52265',
      dc: '41255',
    },
    {
      id: 'r1-h200',
      name: 'DeepSeek R1 on H200 x8',
      hourly: '4.5',
      gpr: 8,
      pf: '20098',
      dc: '36938',
    },
  ].map((o) => ({
    kind: 'selfHost',
    id: o.id,
    name: o.name,
    gpu: {
      mode: 'hourly',
      name: o.name.split(' on ')[1]?.split(' x')[0] ?? 'GPU',
      hourlyPerGpu: o.hourly,
    },
    gpusPerReplica: o.gpr,
    prefillTokensPerSec: o.pf,
    decodeTokensPerSec: o.dc,
    targetUtilization: '0.6',
    minReplicas: 2,
    storagePerMonth: '250',
    monitoringPerMonth: '300',
    monitoringPerGpuMonth: '20',
    engineeringFte: [
      { fromTokensPerDay: '0', fte: '0.5' },
      { fromTokensPerDay: '1000000000', fte: '1' },
    ],
  }));
  const route = (w: string, o: string, share = '1') => ({ workloadId: w, optionId: o, share });
  return {
    format: 'llm-tco-scenario',
    version: 1,
    name: 'Ten-workload portfolio',
    workloads,
    options: [...api, ...self],
    strategies: [
      { id: 'all-api', name: 'All on GPT-5', routes: workloads.map((w) => route(w.id, 'gpt-5')) },
      {
        id: 'pooled',
        name: 'One pooled open model',
        routes: workloads.map((w) => route(w.id, 'llama-h100')),
      },
      {
        id: 'portfolio',
        name: 'Portfolio',
        routes: workloads.map((w, i) => route(w.id, self[i % 4]?.id ?? 'llama-h100')),
      },
      {
        id: 'hybrid',
        name: 'Open model plus 10% to Sonnet',
        routes: workloads.flatMap((w) => [
          route(w.id, 'llama-h100', '0.9'),
          route(w.id, 'sonnet', '0.1'),
        ]),
      },
    ],
  };
}

/**
 * The GPU of bench deployment i: every third one bought (with power and hosting), the others
 * rented by the hour or committed per month, so each pricing mode's path is timed.
 */
export function benchGpu(i: number, hourlyPerGpu: string, monthlyPerGpu: string) {
  return i % 3 === 0
    ? {
        mode: 'buy',
        purchasePerGpu: '30000',
        amortizationMonths: '36',
        residualShare: '0.2',
        powerKwPerGpu: '1.275',
        pue: '1.3',
        pricePerKwh: '0.08',
        hostingPerGpuMonth: '150',
      }
    : i % 3 === 1
      ? { mode: 'hourly', hourlyPerGpu }
      : { mode: 'monthly', monthlyPerGpu };
}
