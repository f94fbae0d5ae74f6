import defaultScenario from './presets/default.json';

/**
 * What the first screen needs of the presets: every preset's title (the menu) and the default
 * preset in full. The other presets (scenarios, summaries, sources, assumptions) are in
 * presets.ts, a separate download fetched when one is chosen; loading it registers them here,
 * so the sources of a loaded preset's numbers are found the same way as the default's.
 */

/**
 * Where a preset's figures come from, shown beside it in the app. `claimId` names the claim in
 * `published-claims.json` a preset models, when it models a claim rather than a table.
 */
export type PresetSource = {
  title: string;
  publisher: string;
  date: string;
  tableId: string;
  claimId?: string;
};

/** Which catalog entry an option's numbers were taken from, so the app can show their source. */
export type CatalogRef = {
  apiModelId?: string;
  profileId?: string;
  gpuId?: string;
  gpuPrice?: 'onDemandHourly' | 'committedHourly' | 'purchasePerGpu';
};

/** Where a preset's own assumption (a number not taken from a catalog) comes from. */
export type Assumption = { source: string; asOf: string; note: string };

/** A preset without its scenario document: what the menu and the sources need. */
export type PresetInfo = {
  id: string;
  title: string;
  /** What the preset models and which parameters were chosen, in plain words. */
  summary: string;
  source: PresetSource | null;
  /** Per option id, the catalog entries its numbers come from. */
  catalogRefs: Readonly<Record<string, CatalogRef>>;
  /** Sources of the preset's other numbers, by field path (`workloads[0].tokensPerDay`). */
  assumptions: Readonly<Record<string, Assumption>>;
  /** The source of any number not listed in `assumptions` or taken from a catalog. */
  fallbackAssumption: Assumption;
};

export const APP_ASSUMPTION =
  'Assumption of this calculator (no public source); replace with your own';
export const STAFFING =
  'Staffing reference: BLS OES/ECEC via resumegeni.com and scalearmy.com, kore1.com MLOps salary guide';
export const EXAMPLE = 'Illustrative example workload; replace with your own traffic';

export const DEFAULT_ASSUMPTIONS: Record<string, Assumption> = {
  'settings.fteCostPerYear': {
    source: STAFFING,
    asOf: '2026-05',
    note: 'Loaded cost of one MLOps engineer: about $170k base x 1.42 (benefits 29.8% of compensation, BLS ECEC June 2025); US range $182k-$234k loaded.',
  },
  'settings.horizonMonths': {
    source: APP_ASSUMPTION,
    asOf: '2026-11',
    note: 'Three years, the usual GPU amortization period.',
  },
  'settings.discountRatePerYear': {
    source: APP_ASSUMPTION,
    asOf: '2026-11',
    note: "A typical corporate hurdle rate; use your finance team's rate.",
  },
  'settings.daysPerYear': {
    source: APP_ASSUMPTION,
    asOf: '2026-11',
    note: 'Actual calendar (365 days, 730 hours a month).',
  },
  'workloads[0].tokensPerDay': {
    source: EXAMPLE,
    asOf: '2026-11',
    note: 'About 30,000 support conversations a day at 5,000 tokens each.',
  },
  'workloads[0].inputShare': {
    source: EXAMPLE,
    asOf: '2026-11',
    note: 'Support prompts carry long context (history, retrieved documents) and short answers.',
  },
  'workloads[0].cachedInputShare': {
    source: EXAMPLE,
    asOf: '2026-11',
    note: 'The shared system prompt and instructions hit the prompt cache.',
  },
  'workloads[0].batchShare': {
    source: EXAMPLE,
    asOf: '2026-11',
    note: 'Summaries and tagging that can wait for a batch run.',
  },
  'workloads[0].peakToAverage': {
    source: EXAMPLE,
    asOf: '2026-11',
    note: 'Business-hours traffic: the busiest hour is 2.5x the daily average.',
  },
  'workloads[0].growthPerMonth': {
    source: EXAMPLE,
    asOf: '2026-11',
    note: 'Adoption growing about 43% a year.',
  },
  'options[0].integrationFte': {
    source:
      'AI Magicx blog, "The Open Source AI Takeover Is Real" (API integration engineering 0.025-0.1 FTE)',
    asOf: '2026-04',
    note: 'Integration and prompt maintenance for an API: a tenth of an engineer.',
  },
  'options[0].priceChangePerYear': {
    source: APP_ASSUMPTION,
    asOf: '2026-11',
    note: 'Prices held flat; set a yearly change to model price cuts.',
  },
  'options[1].targetUtilization': {
    source: APP_ASSUMPTION,
    asOf: '2026-11',
    note: "The profile's throughput is an offline maximum; 60% leaves headroom for interactive latency.",
  },
  'options[1].minReplicas': {
    source: APP_ASSUMPTION,
    asOf: '2026-11',
    note: 'Two replicas so one can fail or be upgraded.',
  },
  'options[1].storagePerMonth': {
    source:
      'AI Magicx blog, "The Open Source AI Takeover Is Real" (storage and networking $200/month at 10M tokens/day)',
    asOf: '2026-04',
    note: 'Model weights, logs and network egress.',
  },
  'options[1].monitoringPerMonth': {
    source:
      'Staffing reference, seed table (monitoring about 5-6% of the self-hosted total; no authoritative source)',
    asOf: '2026-04',
    note: 'Observability tooling, fixed part.',
  },
  'options[1].monitoringPerGpuMonth': {
    source:
      'Staffing reference, seed table (monitoring about 5-6% of the self-hosted total; no authoritative source)',
    asOf: '2026-04',
    note: 'Observability tooling, per GPU.',
  },
  'options[1].engineeringFte': {
    source:
      'Staffing reference (seed: 0.25 / 1 / 3 FTE at 10M / 100M / 1B tokens/day; no authoritative public source)',
    asOf: '2026-04',
    note: 'Half an MLOps engineer, one from 1B tokens/day, two from 5B.',
  },
};

/** The default preset's assumptions under the path prefix `from`, re-keyed under `to`. */
export function defaultAssumptions(from: string, to: string = from): Record<string, Assumption> {
  return Object.fromEntries(
    Object.entries(DEFAULT_ASSUMPTIONS)
      .filter(([path]) => path.startsWith(from))
      .map(([path, a]) => [to + path.slice(from.length), a]),
  );
}

/** A preset with its v1 scenario document (DESIGN section 4). */
export type Preset = PresetInfo & { scenario: unknown };

/** The default preset, with its scenario: the page opens on it. */
export const DEFAULT_PRESET: Preset = {
  id: 'default',
  title: 'Support assistant: GPT-5 API or Llama 3.3 70B on rented H100s',
  summary:
    'One customer-support workload at 150M tokens/day growing 3% a month, on the GPT-5 API or ' +
    'on Llama 3.3 70B self-hosted on rented H100 pairs (at least two replicas for redundancy), ' +
    'with catalog prices and throughput. The throughput figures are offline maximums, so the ' +
    'target utilization is 60%. Staff: half an MLOps engineer, more from 1B tokens/day.',
  source: null,
  assumptions: DEFAULT_ASSUMPTIONS,
  fallbackAssumption: { source: APP_ASSUMPTION, asOf: '2026-11', note: '' },
  catalogRefs: {
    'gpt-5': { apiModelId: 'gpt-5' },
    'llama-70b-h100': {
      profileId: 'llama-3.3-70b-fp8-h100x2',
      gpuId: 'h100-sxm',
      gpuPrice: 'onDemandHourly',
    },
  },
  scenario: defaultScenario,
};

/** The presets menu, in order (kept in step with presets.ts by a test). */
export const PRESET_TITLES: readonly { id: string; title: string }[] = [
  { id: 'default', title: 'Support assistant: GPT-5 API or Llama 3.3 70B on rented H100s' },
  {
    id: 'portfolio-2026',
    title:
      'Model portfolio: the published four-model portfolio against all-API, one pooled model and a hybrid (2026)',
  },
  { id: 'takeover-2026-10m', title: 'Published table: 10M tokens/day (AI Magicx, 2026)' },
  { id: 'takeover-2026-100m', title: 'Published table: 100M tokens/day (AI Magicx, 2026)' },
  { id: 'takeover-2026-1b', title: 'Published table: 1B tokens/day (AI Magicx, 2026)' },
  { id: 'budgets-shifted-2026', title: 'Published annual table: API vs self-hosted (2026)' },
  { id: 'empty', title: 'Empty scenario: build your own portfolio' },
];

const registered = new Map<string, PresetInfo>([[DEFAULT_PRESET.id, DEFAULT_PRESET]]);

/** Called by presets.ts when it loads. */
export function registerPresets(presets: readonly PresetInfo[]): void {
  for (const p of presets) registered.set(p.id, p);
}

/** A preset's description, sources and assumptions: the default's always, others once loaded. */
export function findPresetInfo(id: string): PresetInfo | undefined {
  return registered.get(id);
}
