import { Dec, ONE, ZERO } from '../core/decimal';
import type {
  ApiOptionDoc,
  OptionDoc,
  ScenarioDoc,
  SelfHostOptionDoc,
  StrategyDoc,
  WorkloadDoc,
} from './document';

/**
 * Structural edits of a portfolio (DESIGN 3.4): workloads, options and strategies added, removed,
 * renamed and reordered, and the routing matrix of a strategy. Pure: each takes a document and
 * returns a new one, so every edit is one undo step and can be validated like any other. An edit
 * never silently drops traffic: where it cannot keep a workload fully routed (its option was
 * removed), it leaves the shares short and validation says so.
 */

/** A fresh id from a base (`workload`, `api`), unique among `taken`. */
export function uniqueId(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const stem =
    base
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'item';
  if (!used.has(stem)) return stem;
  for (let n = 2; ; n++) if (!used.has(`${stem}-${n}`)) return `${stem}-${n}`;
}

/** A name not yet used in a list (`Workload 3`). */
function uniqueName(base: string, taken: readonly { name: string }[]): string {
  const names = new Set(taken.map((t) => t.name));
  for (let n = taken.length + 1; ; n++) if (!names.has(`${base} ${n}`)) return `${base} ${n}`;
}

const NEW_WORKLOAD: Omit<WorkloadDoc, 'id' | 'name'> = {
  tokensPerDay: '10000000',
  inputShare: '0.75',
  cachedInputShare: '0',
  batchShare: '0',
  peakToAverage: '2',
  growthPerMonth: '0',
};

/**
 * Adds a workload (traffic shape copied from the last one, volume 10M tokens/day). Every strategy
 * routes it in full to the option that carries most of that strategy's traffic, so the scenario
 * stays valid; with no option yet it is left unrouted (validation names it).
 */
export function addWorkload(doc: ScenarioDoc, name?: string): ScenarioDoc {
  const id = uniqueId(
    'workload',
    doc.workloads.map((w) => w.id),
  );
  const last = doc.workloads.at(-1);
  const workload: WorkloadDoc = {
    ...(last ? { ...last, tokensPerDay: NEW_WORKLOAD.tokensPerDay } : NEW_WORKLOAD),
    id,
    name: name ?? uniqueName('Workload', doc.workloads),
  };
  return {
    ...doc,
    workloads: [...doc.workloads, workload],
    strategies: doc.strategies.map((s) => {
      const optionId = mainOption(s, doc.options);
      return optionId
        ? { ...s, routes: [...s.routes, { workloadId: id, optionId, share: '1' }] }
        : s;
    }),
  };
}

/** Removes a workload and its routes in every strategy. */
export function removeWorkload(doc: ScenarioDoc, workloadId: string): ScenarioDoc {
  return {
    ...doc,
    workloads: doc.workloads.filter((w) => w.id !== workloadId),
    strategies: doc.strategies.map((s) => ({
      ...s,
      routes: s.routes.filter((r) => r.workloadId !== workloadId),
    })),
  };
}

/** Moves an item of a list by `delta` places (clamped); the order is only presentation. */
export function moveItem<T>(list: readonly T[], index: number, delta: number): T[] {
  const to = Math.max(0, Math.min(list.length - 1, index + delta));
  const out = [...list];
  const [item] = out.splice(index, 1);
  if (item !== undefined) out.splice(to, 0, item);
  return out;
}

export function moveWorkload(doc: ScenarioDoc, index: number, delta: number): ScenarioDoc {
  return { ...doc, workloads: moveItem(doc.workloads, index, delta) };
}

export function moveOption(doc: ScenarioDoc, index: number, delta: number): ScenarioDoc {
  return { ...doc, options: moveItem(doc.options, index, delta) };
}

/** The baseline stays first: strategies other than the baseline move among themselves. */
export function moveStrategy(doc: ScenarioDoc, index: number, delta: number): ScenarioDoc {
  return { ...doc, strategies: moveItem(doc.strategies, index, delta) };
}

const NEW_API: Omit<ApiOptionDoc, 'id' | 'name'> = {
  kind: 'api',
  inputPerM: '1',
  outputPerM: '4',
  cachedInputPerM: '1',
  batchDiscount: '0',
  priceChangePerYear: '0',
  integrationFte: '0.1',
  fineTuningOneTime: '0',
  fineTuningPerMonth: '0',
};

const NEW_SELF_HOST: Omit<SelfHostOptionDoc, 'id' | 'name'> = {
  kind: 'selfHost',
  gpu: { mode: 'hourly', name: 'GPU', hourlyPerGpu: '2.5' },
  gpusPerReplica: '1',
  prefillTokensPerSec: '10000',
  decodeTokensPerSec: '1500',
  targetUtilization: '0.6',
  minReplicas: '1',
  storagePerMonth: '250',
  storagePerGpuMonth: '0',
  monitoringPerMonth: '300',
  monitoringPerGpuMonth: '20',
  engineeringFte: [{ fromTokensPerDay: '0', fte: '0.5' }],
  fineTuningOneTime: '0',
  fineTuningPerMonth: '0',
};

/**
 * Adds an option of a kind: a copy of the last option of that kind (so a second deployment starts
 * from the first one's figures), else neutral figures to be replaced from the catalog. Routed
 * nowhere until a strategy uses it. Returns the new document and the option's id.
 */
export function addOption(
  doc: ScenarioDoc,
  kind: OptionDoc['kind'],
  name?: string,
): { doc: ScenarioDoc; id: string } {
  const id = uniqueId(
    kind === 'api' ? 'api' : 'self-hosted',
    doc.options.map((o) => o.id),
  );
  const last = [...doc.options].reverse().find((o) => o.kind === kind);
  const base: OptionDoc = last
    ? structuredCopy(last)
    : ({ ...(kind === 'api' ? NEW_API : NEW_SELF_HOST), id, name: '' } as OptionDoc);
  const option = {
    ...base,
    id,
    name:
      name ??
      uniqueName(
        kind === 'api' ? 'API option' : 'Self-hosted option',
        doc.options.filter((o) => o.kind === kind),
      ),
  } as OptionDoc;
  return { doc: { ...doc, options: [...doc.options, option] }, id };
}

/** Removes an option and every route to it (the shares those routes held go missing, and say so). */
export function removeOption(doc: ScenarioDoc, optionId: string): ScenarioDoc {
  return {
    ...doc,
    options: doc.options.filter((o) => o.id !== optionId),
    strategies: doc.strategies.map((s) => ({
      ...s,
      routes: s.routes.filter((r) => r.optionId !== optionId),
    })),
  };
}

/** Adds a strategy: a copy of `fromIndex` (the baseline by default) under a new name. */
export function addStrategy(
  doc: ScenarioDoc,
  fromIndex = 0,
  name?: string,
): { doc: ScenarioDoc; id: string } {
  const id = uniqueId(
    'strategy',
    doc.strategies.map((s) => s.id),
  );
  const from = doc.strategies[fromIndex];
  const strategy: StrategyDoc = {
    id,
    name: name ?? uniqueName('Strategy', doc.strategies),
    routes: from ? from.routes.map((r) => ({ ...r })) : [],
  };
  return { doc: { ...doc, strategies: [...doc.strategies, strategy] }, id };
}

/** Removes a strategy; the last one stays (a scenario needs one). */
export function removeStrategy(doc: ScenarioDoc, index: number): ScenarioDoc {
  if (doc.strategies.length <= 1) return doc;
  return { ...doc, strategies: doc.strategies.filter((_, i) => i !== index) };
}

/**
 * Sets the share of one matrix cell (strategy × workload × option). `null` removes the route:
 * an option with a zero-share route still runs (DESIGN 3.3), an option with no route does not.
 * Several routes of the same workload to the same option are merged into one.
 */
export function setRouteShare(
  doc: ScenarioDoc,
  strategyIndex: number,
  workloadId: string,
  optionId: string,
  share: string | null,
): ScenarioDoc {
  return mapStrategy(doc, strategyIndex, (s) => {
    const others = s.routes.filter(
      (r) => !(r.workloadId === workloadId && r.optionId === optionId),
    );
    const at = s.routes.findIndex((r) => r.workloadId === workloadId && r.optionId === optionId);
    if (share === null) return { ...s, routes: others };
    const route = { workloadId, optionId, share };
    const routes = [...others];
    routes.splice(at >= 0 ? at : routes.length, 0, route);
    return { ...s, routes };
  });
}

/** "All to X": every workload of a strategy routed in full to one option. */
export function routeAllTo(doc: ScenarioDoc, strategyIndex: number, optionId: string): ScenarioDoc {
  return mapStrategy(doc, strategyIndex, (s) => ({
    ...s,
    routes: doc.workloads.map((w) => ({ workloadId: w.id, optionId, share: '1' })),
  }));
}

/**
 * "Hybrid: N% of every workload to API X": each workload keeps its other routes, scaled to
 * (1 - N%) in proportion, and sends N% to the API option. Exact: the shares of each workload
 * still add up to exactly 1.
 */
export function routeHybrid(
  doc: ScenarioDoc,
  strategyIndex: number,
  apiOptionId: string,
  share: string,
): ScenarioDoc {
  const toApi = new Dec(share);
  const rest = ONE.minus(toApi);
  return mapStrategy(doc, strategyIndex, (s) => ({
    ...s,
    routes: doc.workloads.flatMap((w) => {
      const own = s.routes.filter((r) => r.workloadId === w.id && r.optionId !== apiOptionId);
      const ownTotal = own.reduce((sum, r) => sum.plus(r.share), ZERO);
      // A workload with nothing else to keep goes to the API in full.
      if (ownTotal.isZero()) return [{ workloadId: w.id, optionId: apiOptionId, share: '1' }];
      const scaled = own.map((r) => ({
        ...r,
        share: new Dec(r.share).div(ownTotal).mul(rest).toFixed(),
      }));
      // Rounding in the division could leave the sum a hair off 1: the last route takes the rest.
      const last = scaled.at(-1);
      if (last) {
        const others = scaled.slice(0, -1).reduce((sum, r) => sum.plus(r.share), ZERO);
        last.share = rest.minus(others).toFixed();
      }
      if (toApi.isZero()) return scaled;
      return [...scaled, { workloadId: w.id, optionId: apiOptionId, share: toApi.toFixed() }];
    }),
  }));
}

/** The per-workload total of a strategy's shares (for the matrix's "total" column). */
export function workloadShareTotal(strategy: StrategyDoc, workloadId: string): string {
  return strategy.routes
    .filter((r) => r.workloadId === workloadId)
    .reduce((sum, r) => sum.plus(safeDec(r.share)), ZERO)
    .toFixed();
}

function safeDec(text: string): Dec {
  try {
    return new Dec(text);
  } catch {
    return ZERO;
  }
}

function mapStrategy(
  doc: ScenarioDoc,
  index: number,
  fn: (s: StrategyDoc) => StrategyDoc,
): ScenarioDoc {
  return { ...doc, strategies: doc.strategies.map((s, i) => (i === index ? fn(s) : s)) };
}

/** The option carrying the largest share of a strategy's routes (ties: the first). */
function mainOption(s: StrategyDoc, options: readonly OptionDoc[]): string | undefined {
  const totals = new Map<string, Dec>();
  for (const r of s.routes)
    totals.set(r.optionId, (totals.get(r.optionId) ?? ZERO).plus(safeDec(r.share)));
  let best: string | undefined;
  let most = new Dec(-1);
  for (const [id, total] of totals) if (total.greaterThan(most)) [best, most] = [id, total];
  return best ?? options[0]?.id;
}

function structuredCopy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
