/**
 * What one evaluation of a scenario can hand to the next: the costed routes of every option in
 * every strategy, their month-by-month figures and their share of each workload's cost, keyed by
 * the identity of the model objects they were computed from (an option, its routes, their
 * workloads, the settings). A slider move changes one workload or one option; the strategies'
 * other options are not costed again.
 *
 * Only for models whose objects are never changed in place (a new object for every edited
 * workload, option, route or settings), such as the ones `src/scenario`'s model reader builds;
 * entries not used by an evaluation are dropped after the next one, so memory stays at about two
 * evaluations' worth.
 *
 * @example
 * const cache = createEvaluationCache();
 * evaluateModel(model, cache); // computes everything
 * evaluateModel(withOneWorkloadMoved, cache); // re-costs only the options that workload uses
 */
export type EvaluationCache = {
  /** A small number naming an object for as long as it lives. */
  idOf(value: object): number;
  /** The value under `key` from this evaluation or the previous one, else `make()`. */
  reuse<T>(key: string, make: () => T): T;
  /** A value derived from `owner` alone (a cached group), kept as long as the owner is. */
  derived<T>(owner: object, tag: string, make: () => T): T;
  /** Ends an evaluation: what it did not use is dropped after the next one. */
  finish(): void;
};

export function createEvaluationCache(): EvaluationCache {
  const ids = new WeakMap<object, number>();
  let nextId = 1;
  let previous = new Map<string, unknown>();
  let current = new Map<string, unknown>();
  const byOwner = new WeakMap<object, Map<string, unknown>>();
  return {
    idOf(value) {
      let id = ids.get(value);
      if (id === undefined) {
        id = nextId++;
        ids.set(value, id);
      }
      return id;
    },
    reuse<T>(key: string, make: () => T): T {
      if (current.has(key)) return current.get(key) as T;
      const value = previous.has(key) ? (previous.get(key) as T) : make();
      current.set(key, value);
      return value;
    },
    derived<T>(owner: object, tag: string, make: () => T): T {
      let values = byOwner.get(owner);
      if (!values) byOwner.set(owner, (values = new Map()));
      if (values.has(tag)) return values.get(tag) as T;
      const value = make();
      values.set(tag, value);
      return value;
    },
    finish() {
      previous = current;
      current = new Map();
    },
  };
}
