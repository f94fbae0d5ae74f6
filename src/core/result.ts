/**
 * The result shape of `evaluateScenario` (DESIGN section 4). Amounts are plain decimal strings,
 * unrounded; counts are numbers. Kept stable: links, files, embeds and tools depend on it.
 * `byOption` and `byWorkload` are additions (the attribution of DESIGN 3.4).
 */
export type RunRateResult = {
  total: string;
  api: string;
  gpu: string;
  storage: string;
  monitoring: string;
  engineering: string;
  fineTuning: string;
};

export type CapacityResult = {
  optionId: string;
  replicas: number;
  gpus: number;
  /** Average load over the replicas, `sum(x_r) / replicas`, as a decimal fraction. */
  utilization: string;
};

export type TimelineResult = {
  months: { month: number; capex: string; opex: string; cumulative: string }[];
  residual: string;
  npv: string;
};

export type BreakEvenResult =
  { kind: 'always' } | { kind: 'never'; reason: string } | { kind: 'at'; tokensPerDay: string };

export type CrossingResult = { tokensPerDay: string; direction: 'up' | 'down' };

export type VsBaselineResult = {
  runRateSavings: string;
  npvSavings: string;
  paybackMonth: number | null;
  breakEven: BreakEvenResult;
  crossings: CrossingResult[];
};

export type AttributionResult = {
  runRate: string;
  tokensPerDay: string;
  costPerMTokens: string | null;
};

export type StrategyResult = {
  id: string;
  name: string;
  runRate: RunRateResult;
  costPerMTokens: string | null;
  capacity: CapacityResult[];
  timeline: TimelineResult;
  vsBaseline: VsBaselineResult | null;
  byOption: (AttributionResult & { optionId: string })[];
  byWorkload: (AttributionResult & { workloadId: string })[];
};

export type ScenarioResult = { strategies: StrategyResult[] };
