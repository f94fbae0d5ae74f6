import { ZERO, toPlain } from './decimal';
import type { Dec } from './decimal';
import { addParts, totalOfParts, zeroParts } from './cost-parts';
import type { CostParts } from './cost-parts';
import { costOptionRoutes, groupRoutesByOption, runRateContext, todaysVolumes } from './run-rate';
import type { OptionRoutes } from './run-rate';
import { fteAt } from './staff';
import type { Route, Scenario, SelfHostOption, Strategy } from './model';

/**
 * The cost of fragmentation (issue 5): what a strategy that runs several self-hosted deployments
 * pays, per month, over pooling the same self-hosted traffic on one deployment.
 *
 * The counterfactual is a strategy, costed by the engine itself (DESIGN 3.3 and 3.4): every route
 * of the strategy to a self-hosted option is re-pointed to the pool option (routes of one workload
 * merged into one, their shares added), every API route is left as it is. The pool is each of the
 * strategy's own self-hosted options in turn; the comparison uses the **cheapest** of them
 * (ties: the one serving the most tokens today, then option order). That is the most a
 * consolidation onto a model the strategy already trusts with traffic could save; every
 * candidate is reported, so a reader who would only accept a particular model as the pool can
 * read that one instead. API usage, integration staff and API fine-tuning are the same in both,
 * so the difference is in the self-hosted part only: GPUs, storage, monitoring, engineering
 * staff and monthly fine-tuning. One-time fine-tuning is not a run-rate and is left out.
 */

/** The self-hosted part of a monthly run-rate (DESIGN 3.3), as plain decimals. */
export type SelfHostedRunRate = {
  gpu: string;
  storage: string;
  monitoring: string;
  engineering: string;
  fineTuning: string;
  total: string;
};

/** One self-hosted deployment: its sizing (DESIGN 3.3), staff and run-rate. */
export type DeploymentCost = {
  optionId: string;
  /** Tokens per day the deployment serves (sum of `share · V`). */
  tokensPerDay: string;
  replicas: number;
  gpus: number;
  /** Engineering FTE of the staff tier that applies (DESIGN 3.3). */
  fte: string;
  /** `sum(x_r) / replicas`, as in the result's `capacity`. */
  utilization: string;
  runRate: SelfHostedRunRate;
};

export type FragmentationTotals = { gpus: number; fte: string; runRate: SelfHostedRunRate };

export type FragmentationResult = {
  strategyId: string;
  /** The self-hosted deployments the strategy runs, in option order (two or more). */
  deployments: DeploymentCost[];
  /** Their sum. */
  portfolio: FragmentationTotals;
  /** All the self-hosted traffic pooled on each of the strategy's self-hosted options, in option order. */
  candidates: DeploymentCost[];
  /** The candidate compared with: the cheapest (see the module comment). */
  pool: DeploymentCost;
  /** Portfolio minus pool: positive amounts are what fragmentation costs, negative ones what it saves. */
  extra: FragmentationTotals;
};

/**
 * The fragmentation cost of `model.strategies[strategyIndex]`, or null when the strategy runs
 * fewer than two self-hosted deployments (an option with any route counts as running, even at a
 * zero share: it still pays its minimum replicas, DESIGN 3.3).
 *
 * @example
 * // Two identical deployments (DESIGN 3.6a's H100 option), each at its minimum of one 1-GPU
 * // replica and 0.5 FTE at 240,000 a year; pooled, the traffic still fits one replica:
 * fragmentationCost(model, 1)?.extra
 * // { gpus: 1, fte: '0.5', runRate: { gpu: '1825', storage: '300', monitoring: '210',
 * //   engineering: '10000', fineTuning: '0', total: '12335' } }
 */
export function fragmentationCost(
  model: Scenario,
  strategyIndex: number,
): FragmentationResult | null {
  const strategy = model.strategies[strategyIndex];
  if (!strategy) throw new Error(`${NO_STRATEGY}: ${strategyIndex}`);
  const volumes = todaysVolumes(model);
  const own = groupRoutesByOption(model, strategy, volumes).filter(isSelfHosted);
  if (own.length < 2) return null;
  const deployments = own.map((group) => costDeployment(model, group));
  const candidates = own.map((group) => {
    const pooled = pooledStrategy(model, strategy, group.option.id);
    const pooledGroup = groupRoutesByOption(model, pooled, volumes).find(
      (g): g is SelfHostGroup => g.option.id === group.option.id && isSelfHosted(g),
    );
    if (!pooledGroup) throw new Error(NO_POOL);
    return costDeployment(model, pooledGroup);
  });
  const pool = cheapest(candidates, deployments);
  const portfolio = sumDeployments(deployments);
  return {
    strategyId: strategy.id,
    deployments: deployments.map((d) => d.text),
    portfolio: totalsText(portfolio),
    candidates: candidates.map((c) => c.text),
    pool: pool.text,
    extra: totalsText({
      gpus: portfolio.gpus.minus(pool.gpus),
      fte: portfolio.fte.minus(pool.fte),
      parts: subtractParts(portfolio.parts, pool.parts),
    }),
  };
}

/**
 * The counterfactual strategy: every route to a self-hosted option re-pointed to `poolOptionId`,
 * a workload's re-pointed routes merged into one (at the position of the first), API routes
 * unchanged. Still routes every workload with shares summing to 1 (DESIGN 3.4).
 *
 * @example
 * pooledStrategy(model, portfolio, 'qwen').routes
 * // [{ workloadId: 'chat', optionId: 'qwen', share: 1 }, { workloadId: 'code', optionId: 'qwen', … }]
 */
export function pooledStrategy(
  model: Scenario,
  strategy: Strategy,
  poolOptionId: string,
): Strategy {
  const selfHosted = new Set(model.options.filter((o) => o.kind === 'selfHost').map((o) => o.id));
  if (!selfHosted.has(poolOptionId)) throw new Error(`${NOT_SELF_HOSTED}: ${poolOptionId}`);
  const routes: Route[] = [];
  const pooled = new Map<string, Route>();
  for (const route of strategy.routes) {
    if (!selfHosted.has(route.optionId)) {
      routes.push(route);
      continue;
    }
    const merged = pooled.get(route.workloadId);
    if (merged) {
      merged.share = merged.share.plus(route.share);
      continue;
    }
    const first: Route = {
      workloadId: route.workloadId,
      optionId: poolOptionId,
      share: route.share,
    };
    pooled.set(route.workloadId, first);
    routes.push(first);
  }
  return { ...strategy, routes };
}

const NO_STRATEGY = 'fragmentationCost: no strategy at index';
const NO_POOL = 'fragmentationCost: the pooled strategy lost its pool';
const NOT_SELF_HOSTED = 'pooledStrategy: the pool must be a self-hosted option';

type SelfHostGroup = OptionRoutes & { option: SelfHostOption };
type Deployment = {
  optionId: string;
  tokensPerDay: Dec;
  gpus: Dec;
  fte: Dec;
  parts: CostParts;
  total: Dec;
  text: DeploymentCost;
};
type Totals = { gpus: Dec; fte: Dec; parts: CostParts };

function isSelfHosted(group: OptionRoutes): group is SelfHostGroup {
  return group.option.kind === 'selfHost';
}

/** One deployment on the run-rate basis, with the engine's own cost function (DESIGN 3.3). */
function costDeployment(model: Scenario, group: SelfHostGroup): Deployment {
  const cost = costOptionRoutes(group, runRateContext(model));
  const sizing = cost.sizing;
  if (!sizing) throw new Error(NOT_SELF_HOSTED);
  const { tokensPerDay } = cost;
  const fte = fteAt(group.option.engineeringFte, tokensPerDay);
  const total = totalOfParts(cost.parts);
  return {
    optionId: group.option.id,
    tokensPerDay,
    gpus: sizing.gpus,
    fte,
    parts: cost.parts,
    total,
    text: {
      optionId: group.option.id,
      tokensPerDay: toPlain(tokensPerDay),
      replicas: sizing.replicas.toNumber(),
      gpus: sizing.gpus.toNumber(),
      fte: toPlain(fte),
      utilization: sizing.replicas.isZero() ? '0' : toPlain(sizing.load.div(sizing.replicas)),
      runRate: runRateText(cost.parts),
    },
  };
}

/**
 * The cheapest candidate; among equally cheap ones, the pool on the deployment that serves the
 * most tokens today (`deployments[i]` is the deployment of `candidates[i]`), then the first.
 */
function cheapest(
  candidates: readonly Deployment[],
  deployments: readonly Deployment[],
): Deployment {
  let best = 0;
  candidates.forEach((c, i) => {
    const b = candidates[best];
    if (!b || i === best) return;
    const served = deployments[i]?.tokensPerDay ?? ZERO;
    const bestServed = deployments[best]?.tokensPerDay ?? ZERO;
    if (c.total.lessThan(b.total) || (c.total.equals(b.total) && served.greaterThan(bestServed))) {
      best = i;
    }
  });
  const pool = candidates[best];
  if (!pool) throw new Error(NO_POOL);
  return pool;
}

function sumDeployments(deployments: readonly Deployment[]): Totals {
  let totals: Totals = { gpus: ZERO, fte: ZERO, parts: zeroParts() };
  for (const d of deployments) {
    totals = {
      gpus: totals.gpus.plus(d.gpus),
      fte: totals.fte.plus(d.fte),
      parts: addParts(totals.parts, d.parts),
    };
  }
  return totals;
}

function subtractParts(a: CostParts, b: CostParts): CostParts {
  return {
    api: a.api.minus(b.api),
    gpu: a.gpu.minus(b.gpu),
    storage: a.storage.minus(b.storage),
    monitoring: a.monitoring.minus(b.monitoring),
    engineering: a.engineering.minus(b.engineering),
    fineTuning: a.fineTuning.minus(b.fineTuning),
  };
}

function runRateText(parts: CostParts): SelfHostedRunRate {
  return {
    gpu: toPlain(parts.gpu),
    storage: toPlain(parts.storage),
    monitoring: toPlain(parts.monitoring),
    engineering: toPlain(parts.engineering),
    fineTuning: toPlain(parts.fineTuning),
    total: toPlain(totalOfParts(parts)),
  };
}

function totalsText(t: Totals): FragmentationTotals {
  return { gpus: t.gpus.toNumber(), fte: toPlain(t.fte), runRate: runRateText(t.parts) };
}
