import type { GoalSeekTarget } from '../../core/goal-seek';
import { formatInputRef, listNumericInputs } from '../../core/input-refs';
import type { Scenario } from '../../core/model';
import { usesOption } from '../../core/strategy-pair';
import { capitalise } from './analysis-format';

/** One choice of the goal seek's "input to change" list. */
export type TargetChoice = { key: string; label: string; target: GoalSeekTarget };
export type TargetGroup = { label: string; choices: TargetChoice[] };

/**
 * What goal seek can move, grouped as the inputs panel groups them: the scaled groups first
 * (total volume, all prices of an API, the GPU price of a deployment), then settings, each
 * workload and each option. Options neither strategy uses are left out: they cannot change
 * either cost.
 */
export function goalSeekTargets(model: Scenario, strategyId: string): TargetGroup[] {
  const baseline = model.strategies[0];
  const strategy = model.strategies.find((s) => s.id === strategyId);
  if (!baseline || !strategy) return [];
  const used = model.options.filter(
    (o) => usesOption(baseline, o.id) || usesOption(strategy, o.id),
  );
  const scaled: TargetChoice[] = [
    {
      key: 'volume',
      label: 'Total volume (every workload scaled together)',
      target: { kind: 'volumeScale' },
    },
  ];
  for (const o of used) {
    scaled.push(
      o.kind === 'api'
        ? {
            key: `api-prices/${o.id}`,
            label: `All prices of ${o.name}`,
            target: { kind: 'apiPriceScale', optionId: o.id },
          }
        : {
            key: `gpu-price/${o.id}`,
            label: `GPU price of ${o.name}`,
            target: { kind: 'gpuPriceScale', optionId: o.id },
          },
    );
  }
  const inputs = listNumericInputs(model);
  const choicesOf = (match: (owner: string | null) => boolean): TargetChoice[] =>
    inputs
      .filter((i) => match(i.ref.scope === 'settings' ? null : i.ref.id))
      .map((i) => ({
        key: `input/${formatInputRef(i.ref)}`,
        label: capitalise(i.label),
        target: { kind: 'input', ref: i.ref },
      }));
  const groups: TargetGroup[] = [
    { label: 'Scaled together', choices: scaled },
    {
      label: 'Settings',
      choices: inputs
        .filter((i) => i.ref.scope === 'settings')
        .map((i) => ({
          key: `input/${formatInputRef(i.ref)}`,
          label: capitalise(i.label),
          target: { kind: 'input', ref: i.ref },
        })),
    },
  ];
  for (const w of model.workloads) {
    groups.push({
      label: `Workload: ${w.name}`,
      choices: choicesOf((id) => id === w.id).filter((c) => c.key.startsWith('input/workload/')),
    });
  }
  for (const o of used) {
    groups.push({
      label: `${o.kind === 'api' ? 'API' : 'Self-hosted'}: ${o.name}`,
      choices: choicesOf((id) => id === o.id).filter((c) => c.key.startsWith('input/option/')),
    });
  }
  return groups.filter((g) => g.choices.length > 0);
}

/** The choice to start with: the GPU price of the strategy's first deployment, else the volume. */
export function defaultTargetKey(
  groups: readonly TargetGroup[],
  model: Scenario,
  strategyId: string,
) {
  const strategy = model.strategies.find((s) => s.id === strategyId);
  const selfHosted = model.options.find(
    (o) => o.kind === 'selfHost' && strategy !== undefined && usesOption(strategy, o.id),
  );
  const wanted = selfHosted ? `gpu-price/${selfHosted.id}` : 'volume';
  const all = groups.flatMap((g) => g.choices);
  return (all.find((c) => c.key === wanted) ?? all[0])?.key ?? null;
}
