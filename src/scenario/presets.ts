import defaultScenario from './presets/default.json';
import takeover10M from './presets/takeover-2026-10m.json';
import takeover100M from './presets/takeover-2026-100m.json';
import takeover1B from './presets/takeover-2026-1b.json';
import budgetsShifted from './presets/budgets-shifted-2026.json';

/** Where a preset's figures come from, shown beside it in the app. */
export type PresetSource = { title: string; publisher: string; date: string; tableId: string };

/** Which catalog entry an option's numbers were taken from, so the app can show their source. */
export type CatalogRef = {
  apiModelId?: string;
  profileId?: string;
  gpuId?: string;
  gpuPrice?: 'onDemandHourly' | 'committedHourly' | 'purchasePerGpu';
};

/** Where a preset's own assumption (a number not taken from a catalog) comes from. */
export type Assumption = { source: string; asOf: string; note: string };

export type Preset = {
  id: string;
  title: string;
  /** What the preset models and which parameters were chosen, in plain words. */
  summary: string;
  source: PresetSource | null;
  /** A v1 scenario document (DESIGN section 4). */
  scenario: unknown;
  /** Per option id, the catalog entries its numbers come from. */
  catalogRefs: Readonly<Record<string, CatalogRef>>;
  /** Sources of the preset's other numbers, by field path (`workloads[0].tokensPerDay`). */
  assumptions: Readonly<Record<string, Assumption>>;
  /** The source of any number not listed in `assumptions` or taken from a catalog. */
  fallbackAssumption: Assumption;
};

const APP_ASSUMPTION = 'Assumption of this calculator (no public source); replace with your own';
const STAFFING =
  'Staffing reference: BLS OES/ECEC via resumegeni.com and scalearmy.com, kore1.com MLOps salary guide';
const EXAMPLE = 'Illustrative example workload; replace with your own traffic';

const DEFAULT_ASSUMPTIONS: Record<string, Assumption> = {
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

const fromTable = (title: string, date: string): Assumption => ({
  source: title,
  asOf: date,
  note: 'Chosen so the preset reproduces the published table to the cent (see the preset summary).',
});

const TAKEOVER: Omit<PresetSource, 'tableId'> = {
  title:
    'The Open Source AI Takeover Is Real: Why 67% of Enterprises Now Run DeepSeek, Llama, or Qwen in Production',
  publisher: 'AI Magicx blog',
  date: '2026-04',
};

const takeoverSummary = (tier: string) =>
  `The article's monthly TCO table at ${tier} tokens/day, reproduced to the cent on a 30/360 ` +
  'calendar. The table does not say which GPUs or how many: the preset provisions a fixed fleet of ' +
  'H100 pairs at a monthly price per GPU that reproduces the compute line. Its API line implies ' +
  '$30 per 1M tokens, twice the $15 output price the article states; the preset uses the implied ' +
  'price so every line matches, and the claim audit shows the gap.';

/** Every preset, the default first. */
export const PRESETS: readonly Preset[] = [
  {
    id: 'default',
    title: 'Support assistant: GPT-5 API or Llama 3.3 70B on rented H100s',
    summary:
      'One customer-support workload at 150M tokens/day growing 3% a month, on the GPT-5 API or ' +
      'on Llama 3.3 70B self-hosted on rented H100 pairs (at least two replicas for redundancy), ' +
      'with catalog prices and throughput. The throughput figures are offline maximums, so the ' +
      'target utilization is 60%. Staff: half an MLOps engineer, more from 1B tokens/day.',
    source: null,
    scenario: defaultScenario,
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
  },
  {
    id: 'takeover-2026-10m',
    title: 'Published table: 10M tokens/day (AI Magicx, 2026)',
    summary: takeoverSummary('10M'),
    source: { ...TAKEOVER, tableId: 'monthly-tco-by-volume' },
    scenario: takeover10M,
    catalogRefs: { 'open-source': { profileId: 'llama-3.3-70b-fp8-h100x2' } },
    assumptions: {},
    fallbackAssumption: fromTable(`${TAKEOVER.publisher}, "${TAKEOVER.title}"`, TAKEOVER.date),
  },
  {
    id: 'takeover-2026-100m',
    title: 'Published table: 100M tokens/day (AI Magicx, 2026)',
    summary: takeoverSummary('100M'),
    source: { ...TAKEOVER, tableId: 'monthly-tco-by-volume' },
    scenario: takeover100M,
    catalogRefs: { 'open-source': { profileId: 'llama-3.3-70b-fp8-h100x2' } },
    assumptions: {},
    fallbackAssumption: fromTable(`${TAKEOVER.publisher}, "${TAKEOVER.title}"`, TAKEOVER.date),
  },
  {
    id: 'takeover-2026-1b',
    title: 'Published table: 1B tokens/day (AI Magicx, 2026)',
    summary: takeoverSummary('1B'),
    source: { ...TAKEOVER, tableId: 'monthly-tco-by-volume' },
    scenario: takeover1B,
    catalogRefs: { 'open-source': { profileId: 'llama-3.3-70b-fp8-h100x2' } },
    assumptions: {},
    fallbackAssumption: fromTable(`${TAKEOVER.publisher}, "${TAKEOVER.title}"`, TAKEOVER.date),
  },
  {
    id: 'budgets-shifted-2026',
    title: 'Published annual table: API vs self-hosted (2026)',
    summary:
      "The article's annual TCO table reproduced to the cent: GPT-4o at the article's own ~$5 per " +
      '1M tokens, on a volume (666,666,666.67 tokens/day, 30/360 calendar) that makes its $1.2M ' +
      'inference line; self-hosting as 12 reserved H200s (three 4-GPU replicas of Llama 4 Scout) at $3,125 a month each, 1.5 FTE of MLOps ' +
      'at $200,000 and fine-tuning spread evenly over the year.',
    source: {
      title: 'The Open-Source LLM Ecosystem in 2026: Why 93% of Enterprise Budgets Have Shifted',
      publisher: 'blog article',
      date: '2026',
      tableId: 'annual-tco',
    },
    scenario: budgetsShifted,
    catalogRefs: { 'llama-4-h200': { profileId: 'llama-4-scout-fp8-h200x4' } },
    assumptions: {},
    fallbackAssumption: fromTable(
      'Blog article, "The Open-Source LLM Ecosystem in 2026: Why 93% of Enterprise Budgets Have Shifted"',
      '2026',
    ),
  },
];

export const DEFAULT_PRESET = PRESETS[0] as Preset;

export function findPreset(id: string): Preset | undefined {
  return PRESETS.find((p) => p.id === id);
}
