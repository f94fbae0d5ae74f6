import { useId } from 'react';
import type { AppliedValue, GoalSeekResult } from '../../core/goal-seek';
import { describeInput } from '../../core/input-refs';
import type { Scenario } from '../../core/model';
import { formatTokens } from '../format';
import { capitalise, formatInputValue, inputName } from './analysis-format';

const KIND_WORDS: Record<GoalSeekResult['kind'], string> = {
  exact: 'Exact',
  approximate: 'Approximate, to 1e-9 relative',
  step: 'At a step: the costs jump past each other',
  none: 'No value in range',
};

/**
 * A goal seek answer: the value and its kind, the explanation in words, and "Use this value",
 * which writes the exact decimal into the scenario (for a step, the side on which the strategy is
 * no dearer, said on the button).
 */
export function GoalSeekResultView({
  result,
  model,
  strategyName,
  currency,
  outdated,
  applied,
  applyError,
  onUse,
  locale,
}: {
  result: GoalSeekResult;
  model: Scenario;
  strategyName: string;
  currency: string;
  /** The scenario changed since this was computed (not by applying it). */
  outdated: boolean;
  /** What "Use this value" did, while the scenario is as it left it. */
  applied: string | null;
  applyError: string | null;
  onUse: (values: readonly AppliedValue[], text: string) => void;
  locale?: string;
}) {
  const headingId = useId();
  const fmt = (v: string) => formatInputValue(v, result.unit, currency, locale);
  const label = capitalise(result.label);

  return (
    <div className="goal-seek-result" role="region" aria-labelledby={headingId}>
      <h4 id={headingId}>
        Result:{' '}
        <span className={`analysis-badge analysis-badge-${result.kind}`}>
          {KIND_WORDS[result.kind]}
        </span>
      </h4>
      {outdated && (
        <p className="analysis-note">
          The scenario has changed since this was found: find the value again before using it.
        </p>
      )}
      {result.kind !== 'none' && (
        <>
          <p className="goal-seek-value">
            {label}: <strong>{fmt(result.value)}</strong>
            {result.unit === 'factor' ? '' : ` (today ${fmt(result.current)})`}
          </p>
          {(result.unit === 'factor' || result.applied.length > 1) && (
            <ul className="goal-seek-applied">
              {result.applied.map((a) => (
                <AppliedLine
                  key={a.key}
                  applied={a}
                  model={model}
                  currency={currency}
                  locale={locale}
                />
              ))}
            </ul>
          )}
          {result.tokensPerDay !== null && (
            <p>Total volume: {formatTokens(result.tokensPerDay, locale)} tokens/day</p>
          )}
        </>
      )}
      <p className="goal-seek-explanation">{result.explanation}</p>
      {result.kind !== 'none' && result.others.length > 0 && (
        <p className="analysis-note">
          The costs also cross near {result.others.map((o) => fmt(o)).join(', ')}.
        </p>
      )}
      {result.kind !== 'none' && !outdated && (
        <div className="goal-seek-use">
          <button
            type="button"
            onClick={() => onUse(result.applied, `${label} set to ${fmt(result.value)}.`)}
          >
            {result.kind === 'step'
              ? `Use ${fmt(result.value)}, the side of the step where ${strategyName} is no dearer`
              : 'Use this value'}
          </button>
          <p className="analysis-note">
            Exact value{result.applied.length > 1 ? 's' : ''}:{' '}
            {result.applied.map((a, i) => (
              <span key={a.key}>
                {i > 0 ? ', ' : ''}
                <code>{a.value}</code>
              </span>
            ))}
          </p>
        </div>
      )}
      <p className="analysis-status-line" role="status">
        {applied ?? ''}
      </p>
      {applyError && (
        <p className="field-error" role="alert">
          {applyError}
        </p>
      )}
    </div>
  );
}

function AppliedLine({
  applied,
  model,
  currency,
  locale,
}: {
  applied: AppliedValue;
  model: Scenario;
  currency: string;
  locale: string | undefined;
}) {
  const input = describeInput(model, applied.ref);
  if (!input)
    return (
      <li>
        {applied.key}: {applied.value}
      </li>
    );
  return (
    <li>
      {inputName(input.label, input.ownerName)}:{' '}
      <strong>{formatInputValue(applied.value, input.unit, currency, locale)}</strong>
    </li>
  );
}
