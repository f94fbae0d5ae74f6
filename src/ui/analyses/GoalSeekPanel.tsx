import { useId, useMemo, useState } from 'react';
import type { AppliedValue, GoalSeekMeasure } from '../../core/goal-seek';
import type { Scenario } from '../../core/model';
import type { ScenarioDoc } from '../../scenario/document';
import { useCalculatorStore } from '../../state/store-context';
import { GoalSeekResultView } from './GoalSeekResultView';
import { defaultTargetKey, goalSeekTargets } from './goal-seek-targets';
import { withInputValues } from './input-ref-path';
import { RunStatus } from './RunStatus';
import { scenarioPart } from '../../scenario/scenario-part';
import { useAnalysisJob } from './use-analysis-job';

/**
 * Goal seek (issue 6 item 2): the value of one input (or a group scaled together) at which the
 * chosen strategy and the baseline cost the same, a month or in NPV, computed in the worker.
 * "Use this value" writes the exact value into the scenario as one undoable edit.
 */
export function GoalSeekPanel({
  doc,
  model,
  strategyId,
  strategyName,
  baselineName,
  currency,
  locale,
}: {
  /** The last valid document, without its analysis section (`scenarioPart`). */
  doc: ScenarioDoc;
  /** The validated `doc`. */
  model: Scenario;
  strategyId: string;
  strategyName: string;
  baselineName: string;
  currency: string;
  locale?: string;
}) {
  const store = useCalculatorStore();
  const headingId = useId();
  const targetId = useId();
  const measureId = useId();
  const groups = useMemo(() => goalSeekTargets(model, strategyId), [model, strategyId]);
  const choices = useMemo(() => groups.flatMap((g) => g.choices), [groups]);
  const [chosenKey, setChosenKey] = useState<string | null>(null);
  const key = choices.some((c) => c.key === chosenKey)
    ? chosenKey
    : defaultTargetKey(groups, model, strategyId);
  const choice = choices.find((c) => c.key === key) ?? null;
  const [measure, setMeasure] = useState<GoalSeekMeasure>('runRate');
  const { state, start, cancel } = useAnalysisJob('goalSeek');
  const [applied, setApplied] = useState<{ doc: ScenarioDoc; text: string } | null>(null);
  const [applyError, setApplyError] = useState<string | null>(null);

  const last = state.last?.params.strategyId === strategyId ? state.last : null;
  const run = () => {
    if (!choice) return;
    setApplied(null);
    setApplyError(null);
    start({ doc, strategyId, target: choice.target, measure });
  };
  const use = (values: readonly AppliedValue[], text: string) => {
    const next = withInputValues(store.getState().doc, values);
    if (!next) {
      setApplyError('This input is no longer in the scenario: run the goal seek again.');
      return;
    }
    // Already there (a step whose no-dearer side is today's value): no edit, no undo step.
    const changed = next !== store.getState().doc;
    if (changed) store.getState().edit(() => next);
    setApplyError(null);
    setApplied({
      doc: scenarioPart(store.getState().validDoc),
      text: changed
        ? `${text} Undo takes it back.`
        : 'The scenario already has this value: nothing changed.',
    });
  };

  return (
    <section className="analysis-panel" aria-labelledby={headingId}>
      <h3 id={headingId}>Goal seek</h3>
      <p className="analysis-intro">
        The value of one input at which {strategyName} and the baseline, {baselineName}, cost the
        same. Options neither strategy uses are not listed: they cannot change either cost.
      </p>
      <div className="analysis-controls">
        <div className="analysis-field analysis-field-wide">
          <label htmlFor={targetId}>Input to change</label>
          <select
            id={targetId}
            value={key ?? ''}
            onChange={(e) => setChosenKey(e.currentTarget.value)}
          >
            {groups.map((g) => (
              <optgroup key={g.label} label={g.label}>
                {g.choices.map((c) => (
                  <option key={c.key} value={c.key}>
                    {c.label}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        <div className="analysis-field">
          <label htmlFor={measureId}>Costs compared</label>
          <select
            id={measureId}
            value={measure}
            onChange={(e) => setMeasure(e.currentTarget.value as GoalSeekMeasure)}
          >
            <option value="runRate">a month (run-rate)</option>
            <option value="npv">NPV over {model.settings.horizonMonths} months</option>
          </select>
        </div>
        <button type="button" className="analysis-run" disabled={!choice} onClick={run}>
          Find the value
        </button>
      </div>
      <RunStatus
        what="goal seek"
        unit={null}
        state={state}
        onCancel={cancel}
        onRunAgain={choice ? run : null}
      />
      {last && (
        <GoalSeekResultView
          result={last.value}
          model={model}
          strategyName={strategyName}
          currency={currency}
          outdated={last.params.doc !== doc && applied?.doc !== doc}
          applied={applied?.doc === doc ? applied.text : null}
          applyError={applyError}
          onUse={use}
          {...(locale === undefined ? {} : { locale })}
        />
      )}
    </section>
  );
}
