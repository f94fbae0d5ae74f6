import { useEffect, useMemo, useState } from 'react';
import { fragmentationCost } from '../../core/fragmentation-cost';
import type { FragmentationResult } from '../../core/fragmentation-cost';
import type { Scenario } from '../../core/model';

/** One entry per strategy, in strategy order: null where fewer than two deployments run. */
export type FragmentationList = readonly (FragmentationResult | null)[];
export type FragmentationState =
  { status: 'ready'; items: FragmentationList } | { status: 'working' };

/**
 * Route costings (one route sized on one candidate pool) done at once while rendering: each is
 * about 8 µs on a laptop core (a 40-digit division or two), so about 10 ms at most. Above this
 * (the 50 workloads × 30 options × 12 strategies budget case needs about 5,000) the analysis
 * waits for the inputs to settle and then runs one strategy per task, so a slider drag never
 * waits on it.
 */
export const SYNC_WORK_LIMIT = 1200;
const SETTLE_MS = 250;

/** Results by model, so a re-render or a remount on the same inputs does no work. */
const cache = new WeakMap<Scenario, FragmentationList>();

/** The fragmentation cost of every strategy of `model` (see `fragmentationCost`). */
export function useFragmentation(model: Scenario): FragmentationState {
  const immediate = useMemo(
    () => cache.get(model) ?? (isSmall(model) ? computeAll(model) : null),
    [model],
  );
  const [done, setDone] = useState<{ model: Scenario; items: FragmentationList } | null>(null);
  useEffect(() => {
    if (immediate) return;
    // Restarted by every change of the inputs, so the first task runs once they have settled.
    const items: (FragmentationResult | null)[] = [];
    let timer: ReturnType<typeof setTimeout>;
    const step = () => {
      items.push(fragmentationCost(model, items.length));
      if (items.length < model.strategies.length) {
        timer = setTimeout(step, 0);
        return;
      }
      cache.set(model, items);
      setDone({ model, items });
    };
    timer = setTimeout(step, SETTLE_MS);
    return () => clearTimeout(timer);
  }, [model, immediate]);
  // The same object while nothing changes, so the memoised section below does not re-render.
  const items = immediate ?? (done?.model === model ? done.items : null);
  return useMemo(() => (items ? { status: 'ready', items } : WORKING), [items]);
}

const WORKING: FragmentationState = { status: 'working' };

function computeAll(model: Scenario): FragmentationList {
  const items = model.strategies.map((_, index) => fragmentationCost(model, index));
  cache.set(model, items);
  return items;
}

function isSmall(model: Scenario): boolean {
  return fragmentationWork(model) <= SYNC_WORK_LIMIT;
}

/**
 * How many route costings the analysis takes: per strategy with two or more self-hosted
 * deployments, its self-hosted routes costed once as they are and once per candidate pool.
 */
export function fragmentationWork(model: Scenario): number {
  const selfHosted = new Set(model.options.filter((o) => o.kind === 'selfHost').map((o) => o.id));
  let work = 0;
  for (const strategy of model.strategies) {
    const used = new Set<string>();
    let routes = 0;
    for (const r of strategy.routes) {
      if (!selfHosted.has(r.optionId)) continue;
      used.add(r.optionId);
      routes++;
    }
    if (used.size >= 2) work += (used.size + 1) * routes;
  }
  return work;
}
