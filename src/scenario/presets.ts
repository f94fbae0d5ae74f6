import takeover10M from './presets/takeover-2026-10m.json';
import takeover100M from './presets/takeover-2026-100m.json';
import takeover1B from './presets/takeover-2026-1b.json';
import budgetsShifted from './presets/budgets-shifted-2026.json';
import portfolio2026 from './presets/portfolio-2026.json';
import empty from './presets/empty.json';
import {
  APP_ASSUMPTION,
  DEFAULT_PRESET,
  EXAMPLE,
  PRESET_TITLES,
  defaultAssumptions,
  registerPresets,
} from './preset-info';
import type { Assumption, Preset, PresetSource } from './preset-info';

export type { Assumption, CatalogRef, Preset, PresetInfo, PresetSource } from './preset-info';
export { DEFAULT_PRESET };

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

const CONSOLIDATION: PresetSource = {
  title: 'Open-Source LLM Ecosystem Consolidation: Sustainability & Enterprise Adoption 2026',
  publisher: 'research report',
  date: '2026-02-21',
  tableId: 'api-prices',
  claimId: 'portfolio',
};

const HYBRID_ERA =
  'Article, "Why Are Llama, Mistral, and DeepSeek Challenging Proprietary AI Giants?" (hybrid stacks: closed APIs reserved for high-complexity reasoning bursts)';

type WorkloadNotes = Record<
  | 'tokensPerDay'
  | 'inputShare'
  | 'cachedInputShare'
  | 'batchShare'
  | 'peakToAverage'
  | 'growthPerMonth',
  string
>;

/** One illustrative assumption per workload field, `workloads[index].field`. */
function workloadAssumptions(index: number, notes: WorkloadNotes): Record<string, Assumption> {
  return Object.fromEntries(
    Object.entries(notes).map(([field, note]) => [
      `workloads[${index}].${field}`,
      { source: EXAMPLE, asOf: '2026-11', note },
    ]),
  );
}

/** A self-hosted deployment of the portfolio pays its own fixed costs: the point of the comparison. */
const perDeployment = (index: number): Record<string, Assumption> => ({
  ...defaultAssumptions('options[1].', `options[${index}].`),
  [`options[${index}].minReplicas`]: {
    source: APP_ASSUMPTION,
    asOf: '2026-11',
    note: 'Two replicas per deployment so one can fail or be upgraded; every self-hosted model of a portfolio needs its own pair.',
  },
  [`options[${index}].engineeringFte`]: {
    source:
      'Staffing reference (seed: 0.25 / 1 / 3 FTE at 10M / 100M / 1B tokens/day; no authoritative public source)',
    asOf: '2026-04',
    note: 'Per deployment, on the volume it serves: half an MLOps engineer, one from 1B tokens/day, two from 5B.',
  },
});

const PORTFOLIO_ASSUMPTIONS: Record<string, Assumption> = {
  ...defaultAssumptions('settings.'),
  ...workloadAssumptions(0, {
    tokensPerDay:
      'Illustrative: about 2,000 long documents a day (contracts, filings, reports) at about 200,000 tokens each.',
    inputShare:
      'Illustrative: whole documents go in; summaries and extracted fields come out. The throughput profiles were measured on prompts of at most 5,000-8,192 tokens, so self-hosted capacity for very long prompts is optimistic.',
    cachedInputShare:
      'Illustrative: follow-up questions on a document already in the prompt cache.',
    batchShare: 'Illustrative: overnight document batches (due diligence, archives) can wait.',
    peakToAverage: 'Illustrative: office hours; the batch share flattens the peak.',
    growthPerMonth: 'Illustrative: about 43% a year.',
  }),
  ...workloadAssumptions(1, {
    tokensPerDay: 'Illustrative: about 150,000 assistant conversations a day at 4,000 tokens each.',
    inputShare: 'Illustrative: prompts carry history and retrieved context; answers are short.',
    cachedInputShare:
      'Illustrative: the shared system prompt and instructions hit the prompt cache.',
    batchShare: 'Illustrative: summaries and tagging that can wait for a batch run.',
    peakToAverage: 'Illustrative: business hours, the busiest hour 2.5x the daily average.',
    growthPerMonth: 'Illustrative: about 43% a year.',
  }),
  ...workloadAssumptions(2, {
    tokensPerDay:
      'Illustrative: about 2,000 developers at 150,000 tokens a day each, reasoning tokens included.',
    inputShare:
      'Illustrative: repository context goes in, and reasoning models write long answers (thinking tokens are output).',
    cachedInputShare: 'Illustrative: the same repository files are sent again and again.',
    batchShare: 'Illustrative: almost all interactive; a little offline test generation.',
    peakToAverage: "Illustrative: one time zone's working hours.",
    growthPerMonth: 'Illustrative: coding assistants spreading fastest, about 60% a year.',
  }),
  ...workloadAssumptions(3, {
    tokensPerDay:
      'Illustrative: about 50,000 conversations and documents a day in Japanese, Korean and Chinese at 4,000 tokens each.',
    inputShare: 'Illustrative: customer messages with history and retrieved context.',
    cachedInputShare: 'Illustrative: the shared system prompt hits the prompt cache.',
    batchShare: 'Illustrative: translation and tagging that can wait for a batch run.',
    peakToAverage: "Illustrative: one region's business hours.",
    growthPerMonth: 'Illustrative: about 43% a year.',
  }),
  ...defaultAssumptions('options[0].'),
  ...perDeployment(1),
  ...defaultAssumptions('options[0].', 'options[2].'),
  ...defaultAssumptions('options[0].', 'options[3].'),
  ...perDeployment(4),
  'strategies[3].routes': {
    source: HYBRID_ERA,
    asOf: '2026',
    note: 'The article gives no share: 90% of every workload stays on the open model and the hardest 10% goes to the closed API.',
  },
};

/** A preset's menu title, written once in preset-info.ts. */
function titleOf(id: string): string {
  return PRESET_TITLES.find((t) => t.id === id)?.title ?? id;
}

/** Every preset with its scenario, the default first (the menu's order). */
export const PRESETS: readonly Preset[] = [
  DEFAULT_PRESET,
  {
    id: 'portfolio-2026',
    title: titleOf('portfolio-2026'),
    scenario: portfolio2026,
    summary:
      'Four illustrative workloads (1.5B tokens/day: long documents, a general assistant, coding and ' +
      'math, Asian languages) at catalog prices. The published portfolio puts long context on Llama 4 ' +
      'Scout (4 rented H100s a replica), general work on the Mistral Medium 3.1 API, coding and math ' +
      'on DeepSeek R1 and Asian languages on Qwen3-235B (4 rented H200s a replica). DeepSeek runs on ' +
      "DeepSeek's own API: the article prices R1 per token, and self-hosting it here (two replicas of " +
      '8 H200s, 7-10% utilized) would cost about $63,000 a month, as much as sending the workload to ' +
      'Claude, against $13,000 from the API. The closed API is Claude Sonnet 4.5 ($3 / $15 per 1M, ' +
      "as in the article's price table, half price in batch); GPT-5 ($1.25 / $10) would lower the " +
      'all-API line. The pooled model is Qwen3-235B, the self-hosted model of the four that covers ' +
      "Asian languages as well as code, math and long documents (only Scout's 10M-token context goes " +
      'further). The hybrid keeps 90% of every workload on it and sends 10% to Claude, the "hybrid ' +
      'stack" of hybrid-era-2026 (closed APIs for the hardest reasoning). Every deployment pays its ' +
      'own two minimum replicas, storage, monitoring and staff, and every API its own integration: ' +
      'the cost of fragmenting.',
    source: CONSOLIDATION,
    assumptions: PORTFOLIO_ASSUMPTIONS,
    fallbackAssumption: { source: APP_ASSUMPTION, asOf: '2026-11', note: '' },
    catalogRefs: {
      'claude-sonnet-4.5': { apiModelId: 'claude-sonnet-4.5' },
      'llama-4-scout-h100': {
        profileId: 'llama-4-scout-fp8-h100x4',
        gpuId: 'h100-sxm',
        gpuPrice: 'onDemandHourly',
      },
      'mistral-medium-3.1': { apiModelId: 'mistral-medium-3.1' },
      'deepseek-r1': { apiModelId: 'deepseek-r1' },
      'qwen3-235b-h200': {
        profileId: 'qwen3-235b-a22b-fp8-h200x4',
        gpuId: 'h200',
        gpuPrice: 'onDemandHourly',
      },
    },
  },
  {
    id: 'takeover-2026-10m',
    title: titleOf('takeover-2026-10m'),
    scenario: takeover10M,
    summary: takeoverSummary('10M'),
    source: { ...TAKEOVER, tableId: 'monthly-tco-by-volume' },
    catalogRefs: { 'open-source': { profileId: 'llama-3.3-70b-fp8-h100x2' } },
    assumptions: {},
    fallbackAssumption: fromTable(`${TAKEOVER.publisher}, "${TAKEOVER.title}"`, TAKEOVER.date),
  },
  {
    id: 'takeover-2026-100m',
    title: titleOf('takeover-2026-100m'),
    scenario: takeover100M,
    summary: takeoverSummary('100M'),
    source: { ...TAKEOVER, tableId: 'monthly-tco-by-volume' },
    catalogRefs: { 'open-source': { profileId: 'llama-3.3-70b-fp8-h100x2' } },
    assumptions: {},
    fallbackAssumption: fromTable(`${TAKEOVER.publisher}, "${TAKEOVER.title}"`, TAKEOVER.date),
  },
  {
    id: 'takeover-2026-1b',
    title: titleOf('takeover-2026-1b'),
    scenario: takeover1B,
    summary: takeoverSummary('1B'),
    source: { ...TAKEOVER, tableId: 'monthly-tco-by-volume' },
    catalogRefs: { 'open-source': { profileId: 'llama-3.3-70b-fp8-h100x2' } },
    assumptions: {},
    fallbackAssumption: fromTable(`${TAKEOVER.publisher}, "${TAKEOVER.title}"`, TAKEOVER.date),
  },
  {
    id: 'budgets-shifted-2026',
    title: titleOf('budgets-shifted-2026'),
    scenario: budgetsShifted,
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
    catalogRefs: { 'llama-4-h200': { profileId: 'llama-4-scout-fp8-h200x4' } },
    assumptions: {},
    fallbackAssumption: fromTable(
      'Blog article, "The Open-Source LLM Ecosystem in 2026: Why 93% of Enterprise Budgets Have Shifted"',
      '2026',
    ),
  },
  {
    id: 'empty',
    title: titleOf('empty'),
    scenario: empty,
    summary:
      'No workloads and no options: add them in the Portfolio group, pick models from the ' +
      'catalogs, and route each strategy. Finance settings are the default scenario’s.',
    source: null,
    catalogRefs: {},
    assumptions: defaultAssumptions('settings.'),
    fallbackAssumption: { source: APP_ASSUMPTION, asOf: '2026-11', note: '' },
  },
];

registerPresets(PRESETS);

export function findPreset(id: string): Preset | undefined {
  return PRESETS.find((p) => p.id === id);
}
