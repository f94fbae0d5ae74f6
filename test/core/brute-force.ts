/**
 * An independent oracle for the cost model of DESIGN 3.2-3.6, written from the spec alone (it does not
 * import anything from src/). Every amount is an exact rational (BigInt numerator/denominator), so
 * breakpoints, ceilings and ties are decided exactly; only discounting (a fractional power) uses
 * decimal.js at 80 significant digits. Results are converted to decimal.js for comparison with the
 * engine's 40-significant-digit decimal strings.
 *
 * Also holds the fast-check arbitraries for small random scenarios shared by the property tests.
 */
import Decimal from 'decimal.js';
import fc from 'fast-check';

/** High-precision decimal for comparisons (the engine works at 40 significant digits). */
export const D = Decimal.clone({ precision: 80, rounding: Decimal.ROUND_HALF_UP });
export type Dec = InstanceType<typeof D>;

// ---------------------------------------------------------------------------------------------------
// Exact rationals
// ---------------------------------------------------------------------------------------------------

const babs = (a: bigint): bigint => (a < 0n ? -a : a);
function gcd(a: bigint, b: bigint): bigint {
  a = babs(a);
  b = babs(b);
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** An exact rational number n/d with d > 0 and gcd(n, d) = 1. */
export class Q {
  readonly n: bigint;
  readonly d: bigint;
  constructor(n: bigint, d: bigint = 1n) {
    if (d === 0n) throw new Error('Q: division by zero');
    if (d < 0n) {
      n = -n;
      d = -d;
    }
    const g = gcd(n, d);
    this.n = g > 1n ? n / g : n;
    this.d = g > 1n ? d / g : d;
  }
  static readonly ZERO = new Q(0n);
  static readonly ONE = new Q(1n);
  /** Parses a plain decimal (optionally with an exponent) or an integer number exactly. */
  static of(x: string | number | bigint): Q {
    if (typeof x === 'bigint') return new Q(x);
    const s = typeof x === 'number' ? String(x) : x.trim();
    const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(s);
    if (!m || (m[2] === '' && (m[3] ?? '') === '')) throw new Error(`Q.of: not a decimal: ${s}`);
    const frac = m[3] ?? '';
    let n = BigInt((m[2] || '0') + frac);
    let d = 10n ** BigInt(frac.length);
    const e = m[4] ? Number(m[4]) : 0;
    if (e > 0) n *= 10n ** BigInt(e);
    if (e < 0) d *= 10n ** BigInt(-e);
    return new Q(m[1] === '-' ? -n : n, d);
  }
  add(o: Q): Q {
    return this.d === o.d
      ? new Q(this.n + o.n, this.d)
      : new Q(this.n * o.d + o.n * this.d, this.d * o.d);
  }
  sub(o: Q): Q {
    return this.add(o.neg());
  }
  mul(o: Q): Q {
    return new Q(this.n * o.n, this.d * o.d);
  }
  div(o: Q): Q {
    return new Q(this.n * o.d, this.d * o.n);
  }
  neg(): Q {
    return new Q(-this.n, this.d);
  }
  sign(): number {
    return this.n > 0n ? 1 : this.n < 0n ? -1 : 0;
  }
  cmp(o: Q): number {
    const l = this.n * o.d;
    const r = o.n * this.d;
    return l > r ? 1 : l < r ? -1 : 0;
  }
  lt(o: Q): boolean {
    return this.cmp(o) < 0;
  }
  lte(o: Q): boolean {
    return this.cmp(o) <= 0;
  }
  gt(o: Q): boolean {
    return this.cmp(o) > 0;
  }
  eq(o: Q): boolean {
    return this.cmp(o) === 0;
  }
  /** Smallest integer >= this. */
  ceil(): bigint {
    const q = this.n / this.d; // truncates toward zero
    return this.n > 0n && q * this.d !== this.n ? q + 1n : q;
  }
  /** Largest integer <= this. */
  floor(): bigint {
    const q = this.n / this.d;
    return this.n < 0n && q * this.d !== this.n ? q - 1n : q;
  }
  pow(k: number): Q {
    let r = Q.ONE;
    for (let j = 0; j < k; j++) r = r.mul(this);
    return r;
  }
  max(o: Q): Q {
    return this.gte(o) ? this : o;
  }
  gte(o: Q): boolean {
    return this.cmp(o) >= 0;
  }
  toDec(): Dec {
    return new D(this.n.toString()).div(this.d.toString());
  }
  toString(): string {
    return this.toDec().toFixed();
  }
}

const q = (x: unknown, fallback?: string | number): Q => {
  if (x === undefined || x === null) {
    if (fallback === undefined) throw new Error('missing required value');
    return Q.of(fallback);
  }
  if (typeof x === 'string' || typeof x === 'number') return Q.of(x);
  throw new Error(`not a number: ${String(x)}`);
};

// ---------------------------------------------------------------------------------------------------
// Scenario shape (loose, as written in tests; optional fields take the documented defaults)
// ---------------------------------------------------------------------------------------------------

export type Num = string | number;
export interface WorkloadIn {
  id: string;
  name?: string;
  tokensPerDay: Num;
  inputShare: Num;
  cachedInputShare?: Num;
  batchShare?: Num;
  peakToAverage?: Num;
  growthPerMonth?: Num;
}
export interface ApiIn {
  kind: 'api';
  id: string;
  name?: string;
  inputPerM: Num;
  outputPerM: Num;
  cachedInputPerM?: Num;
  batchDiscount?: Num;
  priceChangePerYear?: Num;
  integrationFte?: Num;
  fineTuningOneTime?: Num;
  fineTuningPerMonth?: Num;
}
export type GpuIn =
  | { mode: 'hourly'; name?: string; hourlyPerGpu: Num }
  | { mode: 'monthly'; name?: string; monthlyPerGpu: Num }
  | {
      mode: 'buy';
      name?: string;
      purchasePerGpu: Num;
      amortizationMonths: Num;
      residualShare: Num;
      powerKwPerGpu: Num;
      pue: Num;
      pricePerKwh: Num;
      hostingPerGpuMonth: Num;
    };
export interface SelfHostIn {
  kind: 'selfHost';
  id: string;
  name?: string;
  gpu: GpuIn;
  gpusPerReplica?: Num;
  prefillTokensPerSec: Num;
  decodeTokensPerSec: Num;
  targetUtilization?: Num;
  minReplicas?: Num;
  storagePerMonth?: Num;
  storagePerGpuMonth?: Num;
  monitoringPerMonth?: Num;
  monitoringPerGpuMonth?: Num;
  engineeringFte?: { fromTokensPerDay: Num; fte: Num }[];
  fineTuningOneTime?: Num;
  fineTuningPerMonth?: Num;
}
export type OptionIn = ApiIn | SelfHostIn;
export interface RouteIn {
  workloadId: string;
  optionId: string;
  share: Num;
}
export interface StrategyIn {
  id: string;
  name?: string;
  routes: RouteIn[];
}
export interface ScenarioIn {
  format: 'llm-tco-scenario';
  version: 1;
  name?: string;
  currency?: string;
  settings?: {
    daysPerYear?: Num;
    fteCostPerYear?: Num;
    horizonMonths?: Num;
    discountRatePerYear?: Num;
  };
  workloads: WorkloadIn[];
  options: OptionIn[];
  strategies: StrategyIn[];
}

// ---------------------------------------------------------------------------------------------------
// The model (DESIGN 3.2-3.4), exact
// ---------------------------------------------------------------------------------------------------

/** The break-even search range: total volume in (0, 1e12] tokens/day. */
export const CAP = Q.of('1000000000000');
const SECONDS_PER_DAY = Q.of(86400);
const MILLION = Q.of(1000000);

interface Settings {
  daysPerMonth: Q;
  hoursPerMonth: Q;
  fteCostPerMonth: Q;
  horizon: number;
  discount: Q;
}
function settingsOf(s: ScenarioIn): Settings {
  const dpy = q(s.settings?.daysPerYear, 365);
  const dpm = dpy.div(Q.of(12));
  return {
    daysPerMonth: dpm,
    hoursPerMonth: dpm.mul(Q.of(24)),
    fteCostPerMonth: q(s.settings?.fteCostPerYear, 240000).div(Q.of(12)),
    horizon: Number(q(s.settings?.horizonMonths, 36).n),
    discount: q(s.settings?.discountRatePerYear, '0.08'),
  };
}

interface Wl {
  id: string;
  V: Q;
  i: Q;
  c: Q;
  b: Q;
  p: Q;
  g: Q;
}
function workloadOf(w: WorkloadIn): Wl {
  return {
    id: w.id,
    V: q(w.tokensPerDay),
    i: q(w.inputShare),
    c: q(w.cachedInputShare, 0),
    b: q(w.batchShare, 0),
    p: q(w.peakToAverage, 1),
    g: q(w.growthPerMonth, 0),
  };
}

/** Blended API price per 1M tokens of workload w after the batch discount (DESIGN 3.2). */
function apiPricePerM(o: ApiIn, w: Wl, priceFactor: Q = Q.ONE): Q {
  const inP = q(o.inputPerM).mul(priceFactor);
  const outP = q(o.outputPerM).mul(priceFactor);
  const cachedP = (o.cachedInputPerM === undefined ? q(o.inputPerM) : q(o.cachedInputPerM)).mul(
    priceFactor,
  );
  const blended = w.i
    .mul(Q.ONE.sub(w.c))
    .mul(inP)
    .add(w.i.mul(w.c).mul(cachedP))
    .add(Q.ONE.sub(w.i).mul(outP));
  return blended.mul(Q.ONE.sub(w.b.mul(q(o.batchDiscount, 0))));
}

/** Replica-seconds per second per token/day of workload w on option o (x_r / (s*V)). */
function xPerToken(o: SelfHostIn, w: Wl): Q {
  return w.i
    .div(q(o.prefillTokensPerSec))
    .add(Q.ONE.sub(w.i).div(q(o.decodeTokensPerSec)))
    .div(SECONDS_PER_DAY);
}

export function perGpuMonth(o: SelfHostIn, st: Settings): Q {
  const g = o.gpu;
  if (g.mode === 'hourly') return q(g.hourlyPerGpu).mul(st.hoursPerMonth);
  if (g.mode === 'monthly') return q(g.monthlyPerGpu);
  return q(g.purchasePerGpu)
    .mul(Q.ONE.sub(q(g.residualShare)))
    .div(q(g.amortizationMonths))
    .add(q(g.powerKwPerGpu).mul(q(g.pue)).mul(st.hoursPerMonth).mul(q(g.pricePerKwh)))
    .add(q(g.hostingPerGpuMonth));
}

/** The run-on costs of an owned (bought) GPU per month: power and hosting (DESIGN 3.6). */
function ownedGpuRunMonth(o: SelfHostIn, st: Settings): Q {
  const g = o.gpu;
  if (g.mode !== 'buy') throw new Error('not a bought GPU');
  return q(g.powerKwPerGpu)
    .mul(q(g.pue))
    .mul(st.hoursPerMonth)
    .mul(q(g.pricePerKwh))
    .add(q(g.hostingPerGpuMonth));
}

interface Tier {
  from: Q;
  costPerMonth: Q;
}
function tiersOf(o: SelfHostIn, st: Settings): Tier[] {
  const t = o.engineeringFte ?? [{ fromTokensPerDay: 0, fte: 0 }];
  return t.map((x) => ({
    from: q(x.fromTokensPerDay),
    costPerMonth: q(x.fte).mul(st.fteCostPerMonth),
  }));
}
function tierCost(tiers: Tier[], served: Q): Q {
  let c = Q.ZERO;
  for (const t of tiers) if (t.from.lte(served)) c = t.costPerMonth;
  return c;
}

/** A self-hosted option as used by one strategy, as a function of the total volume T. */
export interface HostTerm {
  optionId: string;
  /** needed replica-seconds per second per unit of total volume (already max(peak, avg)). */
  neededPerT: Q;
  /** sum of x_r per unit of total volume (for utilization). */
  xPerT: Q;
  servedPerT: Q;
  u: Q;
  minR: bigint;
  gpusPerReplica: bigint;
  perReplica: Q;
  fixed: Q;
  tiers: Tier[];
}

/** A strategy's run-rate as a function of total volume T (every workload scaled by T / T0). */
export interface StrategyModel {
  id: string;
  /** run-rate per month per unit of total volume, from API usage. */
  apiSlope: Q;
  apiFixed: Q;
  /** fine-tuning per month across options (part of fixed costs) */
  hosts: HostTerm[];
}

export function totalVolume(s: ScenarioIn): Q {
  return s.workloads.reduce((a, w) => a.add(q(w.tokensPerDay)), Q.ZERO);
}

export function strategyModel(s: ScenarioIn, idx: number): StrategyModel {
  const st = settingsOf(s);
  const strat = s.strategies[idx];
  if (!strat) throw new Error('no such strategy');
  const T0 = totalVolume(s);
  const wl = new Map(s.workloads.map((w) => [w.id, workloadOf(w)]));
  const opts = new Map(s.options.map((o) => [o.id, o]));
  let apiSlope = Q.ZERO;
  let apiFixed = Q.ZERO;
  const hosts = new Map<string, HostTerm & { peak: Q }>();
  const apiUsed = new Set<string>();
  for (const r of strat.routes) {
    const o = opts.get(r.optionId);
    const w = wl.get(r.workloadId);
    if (!o || !w) throw new Error('bad route');
    const vPerT = q(r.share).mul(w.V).div(T0);
    if (o.kind === 'api') {
      apiSlope = apiSlope.add(vPerT.mul(st.daysPerMonth).div(MILLION).mul(apiPricePerM(o, w)));
      if (!apiUsed.has(o.id)) {
        apiUsed.add(o.id);
        apiFixed = apiFixed
          .add(q(o.integrationFte, 0).mul(st.fteCostPerMonth))
          .add(q(o.fineTuningPerMonth, 0));
      }
    } else {
      let h = hosts.get(o.id);
      if (!h) {
        const gpr = q(o.gpusPerReplica, 1);
        h = {
          optionId: o.id,
          neededPerT: Q.ZERO,
          xPerT: Q.ZERO,
          peak: Q.ZERO,
          servedPerT: Q.ZERO,
          u: q(o.targetUtilization, 1),
          minR: q(o.minReplicas, 1).n,
          gpusPerReplica: gpr.n,
          perReplica: gpr.mul(
            perGpuMonth(o, st).add(q(o.storagePerGpuMonth, 0)).add(q(o.monitoringPerGpuMonth, 0)),
          ),
          fixed: q(o.storagePerMonth, 0)
            .add(q(o.monitoringPerMonth, 0))
            .add(q(o.fineTuningPerMonth, 0)),
          tiers: tiersOf(o, st),
        };
        hosts.set(o.id, h);
      }
      const x = vPerT.mul(xPerToken(o, w));
      h.xPerT = h.xPerT.add(x);
      h.peak = h.peak.add(w.p.mul(Q.ONE.sub(w.b)).mul(x));
      h.servedPerT = h.servedPerT.add(vPerT);
    }
  }
  const hostList: HostTerm[] = [...hosts.values()].map((h) => ({
    ...h,
    neededPerT: h.peak.max(h.xPerT),
  }));
  return { id: strat.id, apiSlope, apiFixed, hosts: hostList };
}

export function replicasAt(h: HostTerm, T: Q): bigint {
  const c = T.mul(h.neededPerT).div(h.u).ceil();
  return c > h.minR ? c : h.minR;
}

export function hostCostAt(h: HostTerm, T: Q): Q {
  return new Q(replicasAt(h, T))
    .mul(h.perReplica)
    .add(h.fixed)
    .add(tierCost(h.tiers, T.mul(h.servedPerT)));
}

/** A strategy's monthly run-rate at total volume T (DESIGN 3.2-3.4). */
export function costAt(m: StrategyModel, T: Q): Q {
  return m.hosts.reduce((a, h) => a.add(hostCostAt(h, T)), m.apiSlope.mul(T).add(m.apiFixed));
}

/** Volumes in (0, CAP) where some host's cost steps (replica steps and staff thresholds). */
function breakpoints(m: StrategyModel): Q[] {
  const out: Q[] = [];
  for (const h of m.hosts) {
    if (h.neededPerT.sign() > 0) {
      // replicas = max(minR, ceil(T n / u)) changes from j to j+1 just after T = j u / n, for j >= max(minR, 1)
      const step = h.u.div(h.neededPerT);
      const jMax = CAP.div(step).ceil();
      for (let j = h.minR > 1n ? h.minR : 1n; j <= jMax; j++) {
        const t = step.mul(new Q(j));
        if (t.lt(CAP)) out.push(t);
      }
    }
    if (h.servedPerT.sign() > 0) {
      for (const t of h.tiers) {
        if (t.from.sign() > 0) {
          const v = t.from.div(h.servedPerT);
          if (v.lt(CAP)) out.push(v);
        }
      }
    }
  }
  return out;
}

/** Number of replica steps below the cap (to keep generated scenarios cheap). */
export function stepCount(m: StrategyModel): number {
  let n = 0;
  for (const h of m.hosts)
    if (h.neededPerT.sign() > 0) n += Number(CAP.mul(h.neededPerT).div(h.u).ceil());
  return n;
}

export interface Crossing {
  tokensPerDay: Q;
  direction: 'up' | 'down';
}
export type BreakEven = { kind: 'always' } | { kind: 'never' } | { kind: 'at'; tokensPerDay: Q };

/**
 * Brute force over every piece: enumerate every breakpoint of both strategies, evaluate C - B exactly at
 * each breakpoint and solve the (affine) difference on each open piece for its root.
 * '+' means C more expensive (C - B > 0); '-' means C no dearer (C - B <= 0).
 */
export function breakEvenOracle(
  s: ScenarioIn,
  challengerIdx: number,
  baselineIdx = 0,
): { breakEven: BreakEven; crossings: Crossing[]; pieces: number } {
  const C = strategyModel(s, challengerIdx);
  const B = strategyModel(s, baselineIdx);
  const f = (T: Q): Q => costAt(C, T).sub(costAt(B, T));
  const slope = C.apiSlope.sub(B.apiSlope);
  const sorted = [...breakpoints(C), ...breakpoints(B)].sort((a, b) => a.cmp(b));
  const pts: Q[] = [Q.ZERO];
  for (const p of sorted) if (!pts[pts.length - 1]!.eq(p)) pts.push(p);
  pts.push(CAP);
  // pieces[k] is the affine C - B on the open interval (pts[k], pts[k+1]): value(T) = slope*T + k0
  const intercepts: Q[] = [];
  for (let k = 0; k + 1 < pts.length; k++) {
    const mid = pts[k]!.add(pts[k + 1]!).div(new Q(2n));
    intercepts.push(f(mid).sub(slope.mul(mid)));
  }
  const piece = (k: number, T: Q): Q => slope.mul(T).add(intercepts[k]!);
  type St = '+' | '-';
  const st = (v: Q): St => (v.sign() > 0 ? '+' : '-');
  /** state just left of T on piece k (T is its right end) */
  const leftState = (k: number, T: Q): St => {
    const v = piece(k, T);
    if (v.sign() !== 0) return st(v);
    return slope.sign() < 0 ? '+' : '-';
  };
  /** state just right of T on piece k (T is its left end) */
  const rightState = (k: number, T: Q): St => {
    const v = piece(k, T);
    if (v.sign() !== 0) return st(v);
    return slope.sign() > 0 ? '+' : '-';
  };
  const crossings: Crossing[] = [];
  let supPlus: Q | null = null; // supremum of the set of volumes where C > B
  const plusUpTo = (t: Q) => {
    if (supPlus === null || t.gt(supPlus)) supPlus = t;
  };
  for (let k = 0; k + 1 < pts.length; k++) {
    const a = pts[k]!;
    const b = pts[k + 1]!;
    // the breakpoint at the left end of piece k (not 0, which is outside the range)
    if (k > 0) {
      const before = leftState(k - 1, a);
      const at = st(f(a));
      const after = rightState(k, a);
      if (at === '+') plusUpTo(a);
      if (before !== after)
        crossings.push({ tokensPerDay: a, direction: after === '+' ? 'up' : 'down' });
    }
    // the open piece (a, b)
    const va = piece(k, a);
    const vb = piece(k, b);
    if (slope.sign() !== 0) {
      const root = intercepts[k]!.neg().div(slope);
      if (a.lt(root) && root.lt(b))
        crossings.push({ tokensPerDay: root, direction: slope.sign() > 0 ? 'up' : 'down' });
    }
    if (vb.sign() > 0) plusUpTo(b);
    else if (va.sign() > 0) plusUpTo(intercepts[k]!.neg().div(slope));
  }
  // the top of the range
  const lastK = pts.length - 2;
  const atTop = st(f(CAP));
  const beforeTop = leftState(lastK, CAP);
  if (atTop !== beforeTop)
    crossings.push({ tokensPerDay: CAP, direction: atTop === '+' ? 'up' : 'down' });
  let breakEven: BreakEven;
  if (atTop === '+') breakEven = { kind: 'never' };
  else if (supPlus === null) breakEven = { kind: 'always' };
  else breakEven = { kind: 'at', tokensPerDay: supPlus };
  return { breakEven, crossings, pieces: pts.length - 1 };
}

// ---------------------------------------------------------------------------------------------------
// Timeline (DESIGN 3.6), exact except for discounting
// ---------------------------------------------------------------------------------------------------

export interface MonthOracle {
  capex: Q;
  opex: Q;
  cumulative: Q;
  gpus: Map<string, bigint>;
  owned: Map<string, bigint>;
}
export interface TimelineOracle {
  months: MonthOracle[];
  residual: Q;
  npv: Dec;
  undiscounted: Q;
}

export function timelineOracle(s: ScenarioIn, idx: number): TimelineOracle {
  const st = settingsOf(s);
  const strat = s.strategies[idx];
  if (!strat) throw new Error('no such strategy');
  const wl = new Map(s.workloads.map((w) => [w.id, workloadOf(w)]));
  const opts = new Map(s.options.map((o) => [o.id, o]));
  const usedIds = [...new Set(strat.routes.map((r) => r.optionId))];
  const owned = new Map<string, bigint>();
  const months: MonthOracle[] = [];
  let oneTime = Q.ZERO;
  for (const id of usedIds) oneTime = oneTime.add(q(opts.get(id)!.fineTuningOneTime, 0));
  let cumulative = Q.ZERO;
  const twelve = Q.of(12);
  for (let m = 0; m < st.horizon; m++) {
    let capex = m === 0 ? oneTime : Q.ZERO;
    let opex = Q.ZERO;
    const gpusNow = new Map<string, bigint>();
    for (const id of usedIds) {
      const o = opts.get(id)!;
      const routes = strat.routes.filter((r) => r.optionId === id);
      if (o.kind === 'api') {
        const pf = Q.ONE.add(q(o.priceChangePerYear, 0)).pow(Math.floor(m / 12));
        for (const r of routes) {
          const w = wl.get(r.workloadId)!;
          const v = q(r.share).mul(w.V).mul(Q.ONE.add(w.g).pow(m));
          opex = opex.add(
            v
              .mul(st.daysPerMonth)
              .div(MILLION)
              .mul(apiPricePerM(o, w, pf)),
          );
        }
        opex = opex
          .add(q(o.integrationFte, 0).mul(st.fteCostPerMonth))
          .add(q(o.fineTuningPerMonth, 0));
      } else {
        let x = Q.ZERO;
        let peak = Q.ZERO;
        let served = Q.ZERO;
        for (const r of routes) {
          const w = wl.get(r.workloadId)!;
          const v = q(r.share).mul(w.V).mul(Q.ONE.add(w.g).pow(m));
          const xr = v.mul(xPerToken(o, w));
          x = x.add(xr);
          peak = peak.add(w.p.mul(Q.ONE.sub(w.b)).mul(xr));
          served = served.add(v);
        }
        const need = peak.max(x).div(q(o.targetUtilization, 1)).ceil();
        const minR = q(o.minReplicas, 1).n;
        const replicas = need > minR ? need : minR;
        const gpus = replicas * q(o.gpusPerReplica, 1).n;
        gpusNow.set(id, gpus);
        let paidGpus = gpus;
        if (o.gpu.mode === 'buy') {
          const prev = owned.get(id) ?? 0n;
          const now = gpus > prev ? gpus : prev;
          owned.set(id, now);
          capex = capex.add(new Q(now - prev).mul(q(o.gpu.purchasePerGpu)));
          paidGpus = now;
          opex = opex.add(new Q(now).mul(ownedGpuRunMonth(o, st)));
        } else {
          opex = opex.add(new Q(gpus).mul(perGpuMonth(o, st)));
        }
        opex = opex
          .add(q(o.storagePerMonth, 0))
          .add(q(o.storagePerGpuMonth, 0).mul(new Q(paidGpus)))
          .add(q(o.monitoringPerMonth, 0))
          .add(q(o.monitoringPerGpuMonth, 0).mul(new Q(paidGpus)))
          .add(tierCost(tiersOf(o, st), served))
          .add(q(o.fineTuningPerMonth, 0));
      }
    }
    cumulative = cumulative.add(capex).add(opex);
    months.push({ capex, opex, cumulative, gpus: gpusNow, owned: new Map(owned) });
  }
  let residual = Q.ZERO;
  for (const [id, n] of owned) {
    const o = opts.get(id) as SelfHostIn;
    if (o.gpu.mode === 'buy')
      residual = residual.add(new Q(n).mul(q(o.gpu.residualShare)).mul(q(o.gpu.purchasePerGpu)));
  }
  const last = months[months.length - 1]!;
  last.cumulative = last.cumulative.sub(residual);
  // NPV: capex at t = m, opex at t = m + 1, residual at t = H; factor (1 + r)^(t/12)
  const base = D.add(1, st.discount.toDec());
  const factors: Dec[] = [];
  const df = (t: number): Dec => (factors[t] ??= D.pow(base, new D(t).div(twelve.toDec())));
  let npv = new D(0);
  months.forEach((mo, m) => {
    npv = npv.add(mo.capex.toDec().div(df(m))).add(mo.opex.toDec().div(df(m + 1)));
  });
  npv = npv.sub(residual.toDec().div(df(st.horizon)));
  return { months, residual, npv, undiscounted: last.cumulative };
}

// ---------------------------------------------------------------------------------------------------
// Comparison helpers
// ---------------------------------------------------------------------------------------------------

/** |a - b| <= rel * max(|a|, |b|) + abs. Both sides as decimals (strings from the engine or oracle). */
export function closeTo(
  a: Dec | string | Q,
  b: Dec | string | Q,
  rel = '1e-20',
  abs = '1e-24',
): boolean {
  const x = a instanceof Q ? a.toDec() : new D(a);
  const y = b instanceof Q ? b.toDec() : new D(b);
  const tol = D.max(x.abs(), y.abs()).mul(rel).add(abs);
  return x.sub(y).abs().lte(tol);
}

export function assertClose(
  label: string,
  actual: string | Dec,
  expected: Dec | string | Q,
  rel = '1e-20',
  abs = '1e-24',
): void {
  if (!closeTo(actual, expected, rel, abs)) {
    const e = expected instanceof Q ? expected.toDec() : new D(expected);
    throw new Error(
      `${label}: engine ${String(actual)} but expected ${e.toFixed()} (rel tol ${rel})`,
    );
  }
}

// ---------------------------------------------------------------------------------------------------
// Arbitraries
// ---------------------------------------------------------------------------------------------------

/** A decimal string in [lo, hi] with `places` decimals, e.g. dec(0, 1, 2) -> "0.37". */
export function dec(lo: number, hi: number, places = 0): fc.Arbitrary<string> {
  const scale = 10 ** places;
  return fc.integer({ min: Math.round(lo * scale), max: Math.round(hi * scale) }).map((n) => {
    if (places === 0) return String(n);
    const neg = n < 0;
    const s = String(Math.abs(n)).padStart(places + 1, '0');
    const out = `${s.slice(0, -places)}.${s.slice(-places)}`.replace(/\.?0+$/, '');
    return (neg ? '-' : '') + (out === '' ? '0' : out);
  });
}

/** A log-uniform-ish positive decimal: 3 significant digits times 10^e, e in [loExp, hiExp]. */
export function logDec(loExp: number, hiExp: number): fc.Arbitrary<string> {
  return fc
    .tuple(fc.integer({ min: 100, max: 999 }), fc.integer({ min: loExp, max: hiExp }))
    .map(([m, e]) => Q.of(`${m}e${e - 2}`).toString());
}

export const gpuArb: fc.Arbitrary<GpuIn> = fc.oneof(
  fc.record({ mode: fc.constant('hourly' as const), hourlyPerGpu: dec(0.5, 6, 2) }),
  fc.record({ mode: fc.constant('monthly' as const), monthlyPerGpu: dec(300, 5000, 2) }),
  fc.record({
    mode: fc.constant('buy' as const),
    purchasePerGpu: dec(8000, 40000, 0),
    amortizationMonths: fc.integer({ min: 12, max: 60 }).map(String),
    residualShare: dec(0, 0.4, 2),
    powerKwPerGpu: dec(0.3, 1.5, 2),
    pue: dec(1, 1.8, 2),
    pricePerKwh: dec(0.05, 0.4, 3),
    hostingPerGpuMonth: dec(0, 300, 2),
  }),
);

/** Staff tiers: first at 0, then strictly increasing thresholds below 5e11 tokens/day. */
export const tiersArb = fc
  .tuple(
    dec(0, 3, 1),
    fc.uniqueArray(fc.integer({ min: 1, max: 500_000 }), { minLength: 0, maxLength: 3 }),
    fc.array(dec(0, 6, 1), { minLength: 3, maxLength: 3 }),
  )
  .map(([fte0, froms, ftes]) => [
    { fromTokensPerDay: '0', fte: fte0 },
    ...[...froms]
      .sort((a, b) => a - b)
      .map((f, j) => ({ fromTokensPerDay: `${f}000000`, fte: ftes[j]! })),
  ]);

/**
 * A self-hosted option whose replica holds a few billion tokens/day or more, so that the number of
 * replica steps below 1e12 tokens/day stays at most a few hundred.
 */
export function selfHostArb(id: string): fc.Arbitrary<SelfHostIn> {
  return fc.record({
    kind: fc.constant('selfHost' as const),
    id: fc.constant(id),
    gpu: gpuArb,
    gpusPerReplica: fc.integer({ min: 1, max: 8 }).map(String),
    prefillTokensPerSec: dec(500_000, 5_000_000, 0),
    decodeTokensPerSec: dec(200_000, 2_000_000, 0),
    targetUtilization: dec(0.5, 1, 2),
    minReplicas: fc.integer({ min: 0, max: 3 }).map(String),
    storagePerMonth: dec(0, 1000, 2),
    storagePerGpuMonth: dec(0, 50, 2),
    monitoringPerMonth: dec(0, 1000, 2),
    monitoringPerGpuMonth: dec(0, 50, 2),
    engineeringFte: tiersArb,
    fineTuningPerMonth: dec(0, 2000, 2),
  });
}

export const apiArb: fc.Arbitrary<ApiIn> = fc
  .record({
    kind: fc.constant('api' as const),
    id: fc.constant('api'),
    inputPerM: logDec(-4, 1),
    outputPerM: logDec(-4, 1),
    cachedFrac: dec(0, 1, 2),
    batchDiscount: dec(0, 0.6, 2),
    integrationFte: dec(0, 0.5, 2),
    fineTuningPerMonth: dec(0, 500, 2),
  })
  .map(({ cachedFrac, ...o }) => ({
    ...o,
    cachedInputPerM: Q.of(o.inputPerM).mul(Q.of(cachedFrac)).toString(),
  }));

export function workloadArb(id: string): fc.Arbitrary<WorkloadIn> {
  return fc.record({
    id: fc.constant(id),
    tokensPerDay: dec(100_000, 2_000_000_000, 0),
    inputShare: dec(0.05, 0.95, 2),
    cachedInputShare: dec(0, 1, 2),
    batchShare: dec(0, 1, 2),
    peakToAverage: dec(1, 3, 2),
    growthPerMonth: fc.constant('0'),
  });
}

/** How a workload is served by a challenger: a non-empty split over the option ids. */
function splitArb(workloadId: string, optionIds: string[]): fc.Arbitrary<RouteIn[]> {
  return fc
    .tuple(
      fc.subarray(optionIds, { minLength: 1 }),
      fc.array(fc.integer({ min: 1, max: 99 }), { minLength: 3, maxLength: 3 }),
    )
    .map(([ids, cuts]) => {
      if (ids.length === 1) return [{ workloadId, optionId: ids[0]!, share: '1' }];
      // shares in hundredths, positive, summing to exactly 1
      const c = [...new Set(cuts.slice(0, ids.length - 1))].sort((a, b) => a - b);
      const bounds = [0, ...c, 100];
      const routes: RouteIn[] = [];
      for (let j = 0; j + 1 < bounds.length; j++) {
        routes.push({
          workloadId,
          optionId: ids[j]!,
          share: Q.of(bounds[j + 1]! - bounds[j]!)
            .div(Q.of(100))
            .toString(),
        });
      }
      return routes;
    });
}

export interface ScenarioArbOptions {
  horizonMonths?: number;
  discount?: fc.Arbitrary<string>;
}

/**
 * 1-3 workloads, an API option and 1-2 self-hosted options; baseline all-API; strategy 1 puts
 * everything on the first self-hosted option; strategy 2 is a random mixed split.
 */
export function scenarioArb(opts: ScenarioArbOptions = {}): fc.Arbitrary<ScenarioIn> {
  return fc
    .record({
      nW: fc.integer({ min: 1, max: 3 }),
      nH: fc.integer({ min: 1, max: 2 }),
      daysPerYear: fc.constantFrom('365', '360'),
      fteCostPerYear: dec(80_000, 300_000, 0),
      discount: opts.discount ?? fc.constant('0'),
    })
    .chain(({ nW, nH, daysPerYear, fteCostPerYear, discount }) => {
      const wIds = Array.from({ length: nW }, (_, j) => `w${j + 1}`);
      const hIds = Array.from({ length: nH }, (_, j) => `gpu-${j + 1}`);
      return fc
        .record({
          workloads: fc.tuple(...wIds.map((id) => workloadArb(id))),
          api: apiArb,
          hosts: fc.tuple(...hIds.map((id) => selfHostArb(id))),
          splits: fc.tuple(...wIds.map((id) => splitArb(id, ['api', ...hIds]))),
        })
        .map(({ workloads, api, hosts, splits }): ScenarioIn => ({
          format: 'llm-tco-scenario',
          version: 1,
          name: 'random',
          settings: {
            daysPerYear,
            fteCostPerYear,
            horizonMonths: String(opts.horizonMonths ?? 12),
            discountRatePerYear: discount,
          },
          workloads,
          options: [api, ...hosts],
          strategies: [
            {
              id: 'all-api',
              routes: wIds.map((id) => ({ workloadId: id, optionId: 'api', share: '1' })),
            },
            {
              id: 'self',
              routes: wIds.map((id) => ({ workloadId: id, optionId: hIds[0]!, share: '1' })),
            },
            { id: 'mixed', routes: splits.flat() },
          ],
        }));
    });
}

/** Replaces every workload's tokensPerDay with factor * tokensPerDay (exactly). */
export function scaleVolumes(s: ScenarioIn, factor: Q): ScenarioIn {
  return {
    ...s,
    workloads: s.workloads.map((w) => ({
      ...w,
      tokensPerDay: Q.of(w.tokensPerDay).mul(factor).toString(),
    })),
  };
}

/**
 * Scenarios whose API cost per replica's worth of volume is within about 30% of the cost of a replica,
 * so C - B is a sawtooth with many crossings (and near-touches). Uses strategies[0] (all API) and
 * strategies[1] (all on the first self-hosted option).
 */
export function sawtoothArb(): fc.Arbitrary<ScenarioIn> {
  return fc.tuple(scenarioArb(), dec(0.7, 1.3, 3), fc.boolean()).map(([s, rho, zeroFixed]) => {
    const base: ScenarioIn = {
      ...s,
      options: s.options.map((o) => {
        if (o.kind === 'api')
          return zeroFixed ? { ...o, integrationFte: '0', fineTuningPerMonth: '0' } : o;
        if (!zeroFixed) return o;
        return {
          ...o,
          storagePerMonth: '0',
          monitoringPerMonth: '0',
          fineTuningPerMonth: '0',
          engineeringFte: [{ fromTokensPerDay: '0', fte: '0' }],
        };
      }),
    };
    const st = settingsOf(base);
    const h = strategyModel(base, 1).hosts[0]!;
    const step = h.u.div(h.neededPerT);
    const price = h.perReplica.mul(Q.of(rho)).div(st.daysPerMonth.div(MILLION).mul(step));
    const p = price.toDec().toSignificantDigits(8).toFixed();
    return {
      ...base,
      options: base.options.map((o) =>
        o.kind === 'api'
          ? { ...o, inputPerM: p, outputPerM: p, cachedInputPerM: p, batchDiscount: '0' }
          : o,
      ),
    };
  });
}

/**
 * Compares an engine's `vsBaseline` (breakEven and crossings) with the oracle for strategy `idx`
 * against strategies[baselineIdx]. Returns a description of the first mismatch, or null.
 * Volumes are compared within a relative `rel` (the engine works at 40 significant digits).
 */
export function compareBreakEven(
  s: ScenarioIn,
  vsBaseline: {
    breakEven: { kind: string; tokensPerDay?: string; reason?: string };
    crossings: { tokensPerDay: string; direction: string }[];
  },
  idx: number,
  rel = '1e-20',
): string | null {
  const label = `strategy ${s.strategies[idx]!.id} vs ${s.strategies[0]!.id}`;
  const want = breakEvenOracle(s, idx);
  const fmt = (cs: { tokensPerDay: unknown; direction: string }[]) =>
    cs
      .map(
        (c) =>
          `${c.direction}@${c.tokensPerDay instanceof Q ? c.tokensPerDay.toDec().toSignificantDigits(30).toFixed() : String(c.tokensPerDay)}`,
      )
      .join(', ');
  const wantText = `${want.breakEven.kind}${want.breakEven.kind === 'at' ? ` ${want.breakEven.tokensPerDay.toDec().toSignificantDigits(30).toFixed()}` : ''} with crossings [${fmt(want.crossings)}]`;
  const gotText = `${JSON.stringify(vsBaseline.breakEven)} with crossings [${fmt(vsBaseline.crossings)}]`;
  const fail = (why: string) => `${label}: ${why}\n  engine: ${gotText}\n  oracle: ${wantText}`;
  const got = vsBaseline.breakEven;
  if (got.kind !== want.breakEven.kind) return fail('breakEven kind differs');
  if (
    want.breakEven.kind === 'at' &&
    !(
      typeof got.tokensPerDay === 'string' &&
      closeTo(got.tokensPerDay, want.breakEven.tokensPerDay, rel)
    )
  )
    return fail('breakEven volume differs');
  if (
    want.breakEven.kind === 'never' &&
    !(typeof got.reason === 'string' && got.reason.trim().length > 0)
  )
    return fail('"never" without a reason');
  if (vsBaseline.crossings.length !== want.crossings.length)
    return fail('number of crossings differs');
  for (let j = 0; j < want.crossings.length; j++) {
    const g = vsBaseline.crossings[j]!;
    const w = want.crossings[j]!;
    if (g.direction !== w.direction || !closeTo(g.tokensPerDay, w.tokensPerDay, rel))
      return fail(`crossing ${j} differs`);
  }
  return null;
}

/**
 * The side of the baseline a strategy is on at volume T according to the engine's own crossings and
 * break-even: '+' (C dearer) or '-' (C no dearer). T must not be a crossing volume.
 */
export function stateFromCrossings(
  vs: { breakEven: { kind: string }; crossings: { tokensPerDay: string; direction: string }[] },
  T: Dec,
): '+' | '-' {
  const cs = vs.crossings;
  if (cs.length === 0) return vs.breakEven.kind === 'never' ? '+' : '-';
  let state: '+' | '-' = cs[0]!.direction === 'down' ? '+' : '-';
  for (const c of cs) if (T.gt(c.tokensPerDay)) state = c.direction === 'down' ? '-' : '+';
  return state;
}

/** The scenario with every workload scaled so the total is about T (volumes rounded to 6 decimals). */
export function atTotalVolume(
  s: ScenarioIn,
  T: Dec | string,
): { scenario: ScenarioIn; total: Dec } {
  const factor = Q.of(new D(T).toFixed()).div(totalVolume(s));
  const workloads = s.workloads.map((w) => ({
    ...w,
    tokensPerDay: Q.of(w.tokensPerDay).mul(factor).toDec().toFixed(6),
  }));
  const total = workloads.reduce((a, w) => a.add(w.tokensPerDay), new D(0));
  return { scenario: { ...s, workloads }, total };
}
