import { Dec } from '../../core/decimal';
import type { BreakEvenResult, ScenarioResult, StrategyResult } from '../../core/result';
import type { OptionDoc, ScenarioDoc, StrategyDoc, WorkloadDoc } from '../../scenario/document';
import { getAt } from '../../scenario/doc-path';
import type { DocPath } from '../../scenario/doc-path';
import { numberFormat } from '../intl-cache';
import type { FieldSpec } from '../field-specs';
import { toFieldDisplay } from '../field-specs';
import { formatMoney, formatTokens } from '../format';
import { SPECS } from '../input-specs';

/**
 * The side-by-side comparison of two scenarios, as plain rows for a table: every input with its
 * value in A and in B, and every strategy's results with the difference B − A, computed exactly
 * (decimal.js) and rounded only when formatted.
 */

/** How the items of two lists were paired. */
export type Matching = 'id' | 'position';

export type InputRow = {
  key: string;
  /** The input's label in the inputs panel, or its field path where the panel has no label. */
  label: string;
  /** Formatted values; null where the scenario has no such input. */
  a: string | null;
  b: string | null;
  differs: boolean;
  /** Where the input is in A (absent when A does not have it), for its source and default. */
  path?: DocPath;
  /** A's stored value (a decimal string for numbers), when A has it. */
  raw?: string;
};

export type InputSection = { key: string; title: string; rows: InputRow[] };

export type InputComparison = {
  sections: InputSection[];
  matching: { workloads: Matching; options: Matching; strategies: Matching };
};

type SpecName = keyof typeof SPECS;

/**
 * Pairs the items of two lists by id; when the lists share no id at all (two unrelated
 * scenarios), by position instead. Unpaired items stand alone, A's order first.
 */
export function matchItems<T extends { id: string }>(
  a: readonly T[],
  b: readonly T[],
): { pairs: { a: T | undefined; b: T | undefined }[]; matching: Matching } {
  const bIds = new Set(b.map((x) => x.id));
  if (a.length > 0 && b.length > 0 && !a.some((x) => bIds.has(x.id))) {
    const length = Math.max(a.length, b.length);
    return {
      pairs: Array.from({ length }, (_, i) => ({ a: a[i], b: b[i] })),
      matching: 'position',
    };
  }
  const aIds = new Set(a.map((x) => x.id));
  const pairs = [
    ...a.map((x) => ({ a: x as T | undefined, b: b.find((y) => y.id === x.id) })),
    ...b.filter((y) => !aIds.has(y.id)).map((y) => ({ a: undefined as T | undefined, b: y })),
  ];
  return { pairs, matching: 'id' };
}

/** Every input of both scenarios, section by section in the order of the inputs panel. */
export function compareInputs(a: ScenarioDoc, b: ScenarioDoc): InputComparison {
  const workloads = matchItems(a.workloads, b.workloads);
  const options = matchItems(a.options, b.options);
  const strategies = matchItems(a.strategies, b.strategies);
  const sections: InputSection[] = [];

  const scenario = new RowBuilder(a, [], b.currency);
  scenario.text('name', 'Scenario name', a.name, b.name);
  scenario.text('currency', 'Currency', a.currency, b.currency);
  scenario.text(
    'daysPerYear',
    'Calendar',
    calendarText(a.settings.daysPerYear),
    calendarText(b.settings.daysPerYear),
    ['settings', 'daysPerYear'],
  );
  for (const name of ['horizonMonths', 'discountRatePerYear', 'fteCostPerYear'] as const) {
    scenario.spec(name, SPECS[name], a.settings[name], b.settings[name], ['settings', name]);
  }
  sections.push({ key: 'scenario', title: 'Scenario and finance', rows: scenario.rows });

  workloads.pairs.forEach(({ a: wa, b: wb }, i) => {
    const rows = new RowBuilder(a, wa ? ['workloads', a.workloads.indexOf(wa)] : null, b.currency);
    rows.text('id', 'id', wa?.id, wb?.id);
    rows.text('name', 'name', wa?.name, wb?.name);
    for (const name of WORKLOAD_FIELDS) rows.spec(name, SPECS[name], wa?.[name], wb?.[name]);
    sections.push({
      key: `workload-${i}`,
      title: sectionTitle('Workload', wa?.name, wb?.name),
      rows: rows.rows,
    });
  });

  options.pairs.forEach(({ a: oa, b: ob }, i) => {
    const rows = new RowBuilder(a, oa ? ['options', a.options.indexOf(oa)] : null, b.currency);
    rows.text('id', 'id', oa?.id, ob?.id);
    rows.text('name', 'name', oa?.name, ob?.name);
    rows.text('kind', 'kind', oa && KIND_TEXT[oa.kind], ob && KIND_TEXT[ob.kind]);
    addOptionRows(rows, oa, ob);
    // Options paired by position may be of different kinds; the title then says just "Option".
    const kinds = new Set([oa?.kind, ob?.kind].filter((k) => k !== undefined));
    const [kind] = kinds.size === 1 ? kinds : [undefined];
    sections.push({
      key: `option-${i}`,
      title: sectionTitle(kind ? `${KIND_TEXT[kind]} option` : 'Option', oa?.name, ob?.name),
      rows: rows.rows,
    });
  });

  // Routes are keyed by the ids of A's workload and option (B's are translated through the
  // pairing), so position-matched scenarios with different ids still line up.
  const toA = (pairs: { a: { id: string } | undefined; b: { id: string } | undefined }[]) =>
    new Map(pairs.flatMap((p) => (p.a && p.b ? [[p.b.id, p.a.id] as const] : [])));
  const workloadToA = toA(workloads.pairs);
  const optionToA = toA(options.pairs);
  const workloadName = nameLookup(a.workloads, b.workloads, workloadToA);
  const optionName = nameLookup(a.options, b.options, optionToA);
  strategies.pairs.forEach(({ a: sa, b: sb }, i) => {
    const rows = new RowBuilder(
      a,
      sa ? ['strategies', a.strategies.indexOf(sa)] : null,
      b.currency,
    );
    rows.text('id', 'id', sa?.id, sb?.id);
    rows.text('name', 'name', sa?.name, sb?.name);
    const routesA = routeShares(sa, new Map());
    const routesB = routeShares(sb, workloadToA, optionToA);
    const keys = [...routesA.keys(), ...[...routesB.keys()].filter((k) => !routesA.has(k))];
    for (const key of keys) {
      const [workloadId = '', optionId = ''] = key.split('\u0000');
      const routeIndex = (sa?.routes ?? []).findIndex(
        (r) => r.workloadId === workloadId && r.optionId === optionId,
      );
      rows.spec(
        `route-${key}`,
        {
          ...ROUTE_SPEC,
          label: `Share of ${workloadName(workloadId)} on ${optionName(optionId)}`,
        },
        routesA.get(key),
        routesB.get(key),
        routeIndex >= 0 ? ['routes', routeIndex, 'share'] : undefined,
      );
    }
    sections.push({
      key: `strategy-${i}`,
      title: sectionTitle(
        i === 0 && sa && sb ? 'Strategy (baseline)' : 'Strategy',
        sa?.name,
        sb?.name,
      ),
      rows: rows.rows,
    });
  });

  return {
    sections,
    matching: {
      workloads: workloads.matching,
      options: options.matching,
      strategies: strategies.matching,
    },
  };
}

const WORKLOAD_FIELDS = [
  'tokensPerDay',
  'inputShare',
  'cachedInputShare',
  'batchShare',
  'peakToAverage',
  'growthPerMonth',
] as const satisfies readonly (SpecName & keyof WorkloadDoc)[];

const API_FIELDS = [
  'inputPerM',
  'cachedInputPerM',
  'outputPerM',
  'batchDiscount',
  'priceChangePerYear',
  'integrationFte',
] as const;

const GPU_FIELDS = [
  'hourlyPerGpu',
  'monthlyPerGpu',
  'purchasePerGpu',
  'amortizationMonths',
  'residualShare',
  'powerKwPerGpu',
  'pue',
  'pricePerKwh',
  'hostingPerGpuMonth',
] as const;

const CAPACITY_FIELDS = [
  'gpusPerReplica',
  'prefillTokensPerSec',
  'decodeTokensPerSec',
  'targetUtilization',
  'minReplicas',
] as const;

const OPERATIONS_FIELDS = [
  'storagePerMonth',
  'storagePerGpuMonth',
  'monitoringPerMonth',
  'monitoringPerGpuMonth',
] as const;

const KIND_TEXT = { api: 'API', selfHost: 'Self-hosted' } as const;
/** The words of the inputs panel's "GPU pricing" chooser. */
const GPU_MODE_TEXT = {
  hourly: 'Rented by the hour',
  monthly: 'Committed per month',
  buy: 'Bought',
} as const;
const ROUTE_SPEC: FieldSpec = {
  label: '',
  unit: '% of workload',
  min: 0,
  max: 1,
  scale: 'linear',
  percent: true,
};

function addOptionRows(rows: RowBuilder, oa: OptionDoc | undefined, ob: OptionDoc | undefined) {
  const apiA = oa?.kind === 'api' ? oa : undefined;
  const apiB = ob?.kind === 'api' ? ob : undefined;
  const selfA = oa?.kind === 'selfHost' ? oa : undefined;
  const selfB = ob?.kind === 'selfHost' ? ob : undefined;
  if (apiA || apiB) {
    for (const name of API_FIELDS) rows.spec(name, SPECS[name], apiA?.[name], apiB?.[name]);
  }
  if (selfA || selfB) {
    const gpuA = selfA?.gpu as Record<string, string> | undefined;
    const gpuB = selfB?.gpu as Record<string, string> | undefined;
    rows.text(
      'gpu.mode',
      'GPU pricing',
      selfA && GPU_MODE_TEXT[selfA.gpu.mode],
      selfB && GPU_MODE_TEXT[selfB.gpu.mode],
    );
    rows.text('gpu.name', 'gpu.name', selfA?.gpu.name, selfB?.gpu.name);
    for (const name of GPU_FIELDS) {
      // Only the fields of the pricing modes in use: a monthly price is no input of a bought GPU.
      if (gpuA?.[name] === undefined && gpuB?.[name] === undefined) continue;
      rows.spec(`gpu.${name}`, SPECS[name], gpuA?.[name], gpuB?.[name]);
    }
    for (const name of CAPACITY_FIELDS) rows.spec(name, SPECS[name], selfA?.[name], selfB?.[name]);
    // Staff tiers in the words of the inputs panel's "Staff" group.
    const tiers = Math.max(selfA?.engineeringFte.length ?? 0, selfB?.engineeringFte.length ?? 0);
    for (let t = 0; t < tiers; t++) {
      const ta = selfA?.engineeringFte[t];
      const tb = selfB?.engineeringFte[t];
      if (t > 0) {
        rows.spec(
          `tier-${t}-from`,
          { ...SPECS.fromTokensPerDay, label: `Tier ${t + 1} from` },
          ta?.fromTokensPerDay,
          tb?.fromTokensPerDay,
          ['engineeringFte', t, 'fromTokensPerDay'],
        );
      }
      rows.spec(
        `tier-${t}-fte`,
        {
          ...SPECS.fte,
          label: t === 0 ? 'Engineers (from 0 tokens/day)' : `Tier ${t + 1} engineers`,
        },
        ta?.fte,
        tb?.fte,
        ['engineeringFte', t, 'fte'],
      );
    }
    for (const name of OPERATIONS_FIELDS) {
      rows.spec(name, SPECS[name], selfA?.[name], selfB?.[name]);
    }
  }
  for (const name of ['fineTuningPerMonth', 'fineTuningOneTime'] as const) {
    rows.spec(name, SPECS[name], oa?.[name], ob?.[name]);
  }
}

/**
 * The rows of one section; values are compared as numbers where both are numbers. `base` is the
 * section's item in A (null when only B has it); a row's path in A is `base` plus its key's parts
 * unless given.
 */
class RowBuilder {
  readonly rows: InputRow[] = [];
  constructor(
    private readonly docA: ScenarioDoc,
    private readonly base: DocPath | null,
    private readonly currencyB: string,
  ) {}

  text(key: string, label: string, a: string | undefined, b: string | undefined, at?: DocPath) {
    this.push(key, at, { key, label, a: a ?? null, b: b ?? null, differs: a !== b });
  }

  spec(key: string, spec: FieldSpec, a: string | undefined, b: string | undefined, at?: DocPath) {
    this.push(key, at, {
      key,
      label: spec.label,
      a: a === undefined ? null : formatInput(spec, a, this.docA.currency),
      b: b === undefined ? null : formatInput(spec, b, this.currencyB),
      differs: !sameValue(a, b),
    });
  }

  private push(key: string, at: DocPath | undefined, row: InputRow) {
    if (this.base && row.a !== null) {
      const path = [...this.base, ...(at ?? key.split('.'))];
      const raw = getAt(this.docA, path);
      row.path = path;
      if (typeof raw === 'string') row.raw = raw;
    }
    this.rows.push(row);
  }
}

/** A stored input as the inputs panel shows it, with its unit: "80% of tokens", "1.25 USD per 1M tokens". */
export function formatInput(spec: FieldSpec, stored: string, currency: string): string {
  const value = toFieldDisplay(spec, stored);
  if (spec.percent) return `${value}%${spec.unit.replace(/^%/, '')}`;
  if (spec.unit === '×') return `${value}×`;
  return `${value} ${spec.money ? `${currency} ` : ''}${spec.unit}`;
}

function sameValue(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  try {
    return new Dec(a).equals(new Dec(b));
  } catch {
    return a === b;
  }
}

function calendarText(days: '365' | '360'): string {
  return days === '360' ? '30/360 (720 hours a month)' : '365 days (730 hours a month)';
}

function sectionTitle(kind: string, a: string | undefined, b: string | undefined): string {
  if (a === undefined) return `${kind}: ${b ?? ''} (only in B)`;
  if (b === undefined) return `${kind}: ${a} (only in A)`;
  return a === b ? `${kind}: ${a}` : `${kind}: ${a} / ${b}`;
}

/** Shares by "workloadId\0optionId", ids translated to A's where B's items are paired with A's. */
function routeShares(
  strategy: StrategyDoc | undefined,
  workloadToA: ReadonlyMap<string, string>,
  optionToA: ReadonlyMap<string, string> = new Map(),
): Map<string, string> {
  const shares = new Map<string, string>();
  for (const r of strategy?.routes ?? []) {
    const key = `${workloadToA.get(r.workloadId) ?? r.workloadId}\u0000${optionToA.get(r.optionId) ?? r.optionId}`;
    // A route listed twice is summed, as the shares of a workload are (DESIGN 3.4).
    const before = shares.get(key);
    shares.set(key, before === undefined ? r.share : new Dec(before).plus(r.share).toFixed());
  }
  return shares;
}

/** A name for an id: A's item, else B's item translated back through the pairing. */
function nameLookup(
  a: readonly (WorkloadDoc | OptionDoc)[],
  b: readonly (WorkloadDoc | OptionDoc)[],
  bToA: ReadonlyMap<string, string>,
): (id: string) => string {
  return (id) => {
    const own = a.find((x) => x.id === id);
    if (own) return own.name;
    const other = b.find((x) => (bToA.get(x.id) ?? x.id) === id);
    return other?.name ?? id;
  };
}

// ---------------------------------------------------------------------------------------------
// Results

export type ResultRow = {
  key: string;
  label: string;
  a: string;
  b: string;
  /** B − A, formatted; "–" where there is no difference to take. */
  difference: string;
  differs: boolean;
};

export type StrategyComparison = { key: string; title: string; rows: ResultRow[] };

export type ResultComparison = {
  strategies: StrategyComparison[];
  matching: Matching;
  /** False when A and B are in different currencies: money differences are then not taken. */
  sameCurrency: boolean;
};

const NONE = '–';

/** Each strategy's results in A and B, and B − A, strategies paired as in `matchItems`. */
export function compareResults(
  a: { result: ScenarioResult; currency: string },
  b: { result: ScenarioResult; currency: string },
): ResultComparison {
  const { pairs, matching } = matchItems(a.result.strategies, b.result.strategies);
  const sameCurrency = a.currency === b.currency;
  const strategies = pairs.map(({ a: sa, b: sb }, i): StrategyComparison => {
    const money = (
      key: string,
      label: string,
      pick: (s: StrategyResult) => string | null | undefined,
      absent = NONE,
    ): ResultRow => {
      const va = sa ? pick(sa) : undefined;
      const vb = sb ? pick(sb) : undefined;
      const show = (
        v: string | null | undefined,
        currency: string,
        s: StrategyResult | undefined,
      ) => (!s ? NONE : v === undefined ? absent : v === null ? NONE : formatMoney(v, currency));
      const both = typeof va === 'string' && typeof vb === 'string';
      return {
        key,
        label,
        a: show(va, a.currency, sa),
        b: show(vb, b.currency, sb),
        difference:
          both && sameCurrency ? signedMoney(new Dec(vb).minus(va).toFixed(), a.currency) : NONE,
        differs: both ? !new Dec(va).equals(vb) : va !== vb,
      };
    };
    const baselineText = 'baseline';
    const rows: ResultRow[] = [
      money('runRate', 'Run-rate, per month', (s) => s.runRate.total),
      money('costPerMTokens', 'Cost per 1M tokens', (s) => s.costPerMTokens),
      money('npv', 'NPV of cost', (s) => s.timeline.npv),
      money(
        'runRateSavings',
        'Savings vs baseline, per month',
        (s) => s.vsBaseline?.runRateSavings,
        baselineText,
      ),
      money('npvSavings', 'NPV of savings', (s) => s.vsBaseline?.npvSavings, baselineText),
      breakEvenRow(sa, sb),
      paybackRow(sa, sb),
    ];
    return {
      key: `strategy-${i}`,
      title: sectionTitle(
        i === 0 && sa && sb ? 'Strategy (baseline)' : 'Strategy',
        sa?.name,
        sb?.name,
      ),
      rows,
    };
  });
  return { strategies, matching, sameCurrency };
}

function breakEvenRow(sa: StrategyResult | undefined, sb: StrategyResult | undefined): ResultRow {
  const ba = sa?.vsBaseline?.breakEven;
  const bb = sb?.vsBaseline?.breakEven;
  const show = (s: StrategyResult | undefined, be: BreakEvenResult | undefined) =>
    !s ? NONE : !be ? 'baseline' : breakEvenText(be);
  let difference = NONE;
  if (ba?.kind === 'at' && bb?.kind === 'at') {
    difference = `${signedNumber(new Dec(bb.tokensPerDay).minus(ba.tokensPerDay))} tokens/day`;
  }
  const differs =
    ba?.kind === 'at' && bb?.kind === 'at'
      ? !new Dec(ba.tokensPerDay).equals(bb.tokensPerDay)
      : show(sa, ba) !== show(sb, bb);
  return {
    key: 'breakEven',
    label: 'Break-even',
    a: show(sa, ba),
    b: show(sb, bb),
    difference,
    differs,
  };
}

function paybackRow(sa: StrategyResult | undefined, sb: StrategyResult | undefined): ResultRow {
  const show = (s: StrategyResult | undefined) => {
    if (!s) return NONE;
    if (!s.vsBaseline) return 'baseline';
    const m = s.vsBaseline.paybackMonth;
    return m === null ? 'not within the horizon' : `month ${m}`;
  };
  const ma = sa?.vsBaseline?.paybackMonth;
  const mb = sb?.vsBaseline?.paybackMonth;
  const both = typeof ma === 'number' && typeof mb === 'number';
  return {
    key: 'payback',
    label: 'Payback',
    a: show(sa),
    b: show(sb),
    difference: both
      ? `${signedNumber(new Dec(mb - ma))} month${Math.abs(mb - ma) === 1 ? '' : 's'}`
      : NONE,
    differs: show(sa) !== show(sb),
  };
}

function breakEvenText(be: BreakEvenResult): string {
  if (be.kind === 'at') return `${formatTokens(be.tokensPerDay)} tokens/day`;
  return be.kind === 'always' ? 'cheaper at every volume' : 'never';
}

/**
 * A difference of money with its sign, as the locale writes it: "+$1,234.56", "-$12.00", "$0.00".
 * Rounded once, from the exact difference (DESIGN section 2: rounding only at the edge), half
 * away from zero like `formatMoney`; a difference that rounds to zero shows no sign.
 */
export function signedMoney(amount: string, currency: string, locale?: string): string {
  const format = numberFormat(locale, { style: 'currency', currency, signDisplay: 'exceptZero' });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(roundedText(new Dec(amount), digits));
}

/** A signed whole number: "+12,345", "-3", "0". */
function signedNumber(value: Dec, locale?: string): string {
  const format = numberFormat(locale, { maximumFractionDigits: 0, signDisplay: 'exceptZero' });
  return format.format(roundedText(value, 0));
}

/** Decimal text rounded half away from zero, with no "-0" for Intl to sign. */
function roundedText(value: Dec, places: number): Intl.StringNumericLiteral {
  const rounded = value.toDecimalPlaces(places, Dec.ROUND_HALF_UP);
  return (rounded.isZero() ? '0' : rounded.toFixed(places)) as Intl.StringNumericLiteral;
}
