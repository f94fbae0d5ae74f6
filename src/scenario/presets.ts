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
};

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
  },
  {
    id: 'takeover-2026-100m',
    title: 'Published table: 100M tokens/day (AI Magicx, 2026)',
    summary: takeoverSummary('100M'),
    source: { ...TAKEOVER, tableId: 'monthly-tco-by-volume' },
    scenario: takeover100M,
    catalogRefs: { 'open-source': { profileId: 'llama-3.3-70b-fp8-h100x2' } },
  },
  {
    id: 'takeover-2026-1b',
    title: 'Published table: 1B tokens/day (AI Magicx, 2026)',
    summary: takeoverSummary('1B'),
    source: { ...TAKEOVER, tableId: 'monthly-tco-by-volume' },
    scenario: takeover1B,
    catalogRefs: { 'open-source': { profileId: 'llama-3.3-70b-fp8-h100x2' } },
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
  },
];

export const DEFAULT_PRESET = PRESETS[0] as Preset;

export function findPreset(id: string): Preset | undefined {
  return PRESETS.find((p) => p.id === id);
}
