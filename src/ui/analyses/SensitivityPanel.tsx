import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { ANALYSIS_DEFAULTS } from '../../scenario/analysis-schema';
import type { ScenarioDoc } from '../../scenario/document';
import { beginGesture, endGesture } from '../../state/calculator-store';
import { useCalculator, useCalculatorStore } from '../../state/store-context';
import type { SensitivityParams } from '../../platform/analysis-jobs';
import { chartMoney, compactMoney, compactTokens } from '../charts/chart-format';
import { ChartFigure } from '../charts/ChartFigure';
import { formatTokens } from '../format';
import { Dec } from '../../core/decimal';
import { formatShort, readSwing, swingEnds } from './analysis-format';
import { withAnalysis } from './analysis-edits';
import { TOP_ROWS, rankedRows, toTornadoData } from './sensitivity-data';
import type { RankBy } from './sensitivity-data';
import { summarizeSensitivity } from './sensitivity-text';
import { SensitivityTable } from './SensitivityTable';
import { TornadoChart } from './TornadoChart';
import { RunStatus } from './RunStatus';
import { useAnalysisJob } from './use-analysis-job';

/** Wait for edits to settle before recomputing (each run re-costs every input twice). */
export const SENSITIVITY_DEBOUNCE_MS = 400;
/** Typing in the swing is written to the scenario this long after the last keystroke. */
export const SWING_WRITE_MS = 400;

/**
 * Sensitivity (issue 6 item 1): every input moved by −x% and +x%, in the worker, recomputed when
 * the scenario changes (after edits settle; the run in progress is superseded). A tornado chart
 * of the savings or the break-even volume, its summary in words, and the numbers in a table.
 *
 * The swing is the scenario's `analysis.swing` (a fraction; the field shows a percentage). Typing
 * is written once it pauses (or when the field is left), and one focused edit of the field is one
 * undo step, like every input; the run follows the typed value at once. Text that is not a
 * percentage from 1 to 100 stays in the field with its message and leaves the scenario as it was.
 */
export function SensitivityPanel({
  doc,
  strategyId,
  strategyName,
  swing: fraction,
  currency,
  exportable = true,
  chartWidth,
  locale,
}: {
  /** The last valid scenario document (what the results show), without its analysis section. */
  doc: ScenarioDoc;
  strategyId: string;
  strategyName: string;
  /** The swing of the last valid document, a fraction ("0.2"). */
  swing: string;
  currency: string;
  exportable?: boolean;
  /** Fixed chart width for tests. */
  chartWidth?: number;
  locale?: string;
}) {
  const headingId = useId();
  const swingId = useId();
  const store = useCalculatorStore();
  // The swing as edited (the field follows undo, redo and a loaded scenario).
  const storedSwing = useCalculator((s) => s.doc.analysis?.swing ?? ANALYSIS_DEFAULTS.swing);
  const [draft, setDraft] = useState<string | null>(null);
  const [rankBy, setRankBy] = useState<RankBy>('savings');
  const [showAll, setShowAll] = useState(false);
  const swingText = draft ?? percentText(storedSwing, locale);
  const swing = readSwing(swingText);
  // What the run uses: the valid text being typed, else the scenario's swing.
  const used =
    draft !== null && swing.ok ? swing.fraction : (validFraction(storedSwing) ?? fraction);
  const params = useMemo<SensitivityParams>(
    () => ({ doc, strategyId, swing: used }),
    [doc, strategyId, used],
  );
  const write = useCallback(
    (value: string) => {
      const stored = store.getState().doc.analysis?.swing ?? ANALYSIS_DEFAULTS.swing;
      if (value !== stored) store.getState().edit((d) => withAnalysis(d, { swing: value }));
    },
    [store],
  );
  // Typing is written to the scenario once it pauses (each write re-checks the whole scenario
  // and moves the address bar), and at once when the field is left.
  useEffect(() => {
    if (draft === null) return;
    const read = readSwing(draft);
    if (!read.ok) return;
    const timer = setTimeout(() => write(read.fraction), SWING_WRITE_MS);
    return () => clearTimeout(timer);
  }, [draft, write]);
  const { state, start, cancel } = useAnalysisJob('sensitivity');

  const first = useRef(true);
  useEffect(() => {
    const delay = first.current ? 0 : SENSITIVITY_DEBOUNCE_MS;
    first.current = false;
    const timer = setTimeout(() => start(params), delay);
    return () => clearTimeout(timer);
  }, [params, start]);

  // A result for another strategy would mislead while the new one computes.
  const last = state.last?.params.strategyId === strategyId ? state.last : null;
  const result = last?.value ?? null;
  const outdated = last !== null && last.params !== params;
  const rows = useMemo(
    () => (result ? rankedRows(result, rankBy, showAll ? null : TOP_ROWS) : []),
    [result, rankBy, showAll],
  );
  const tornado = useMemo(
    () => (result ? toTornadoData(result, rankBy, rows) : null),
    [result, rankBy, rows],
  );
  const formatters = useMemo(
    () =>
      rankBy === 'savings'
        ? {
            tick: (v: number) => compactMoney(v, currency, locale),
            value: (v: number) => chartMoney(v, currency, locale),
          }
        : {
            tick: (v: number) => compactTokens(v),
            value: (v: number) => `${formatTokens(String(Math.round(v)), locale)} tokens/day`,
          },
    [rankBy, currency, locale],
  );
  const [minus, plus] = result ? swingEnds(result.swing, locale) : ['', ''];
  const shownSwing = result ? `${minus} / ${plus}` : '';
  const caption =
    rankBy === 'savings'
      ? `Which inputs move the monthly savings of ${strategyName} most (${shownSwing})`
      : `Which inputs move the break-even volume most (${shownSwing})`;
  const total = result ? result.rows.length : 0;

  return (
    <section className="analysis-panel" aria-labelledby={headingId}>
      <h3 id={headingId}>Sensitivity</h3>
      <p className="analysis-intro">
        Each input moved down and up by the swing, one at a time: how the monthly savings of{' '}
        {strategyName} (the baseline&apos;s cost minus its cost) and the break-even volume change.
      </p>
      <div className="analysis-controls">
        <div className="analysis-field">
          <label htmlFor={swingId}>Swing, ± percent</label>
          <span className="analysis-input-unit">
            <input
              id={swingId}
              type="text"
              inputMode="decimal"
              autoComplete="off"
              spellCheck={false}
              size={5}
              value={swingText}
              aria-invalid={swing.ok ? undefined : true}
              aria-describedby={swing.ok ? undefined : `${swingId}-error`}
              onFocus={() => beginGesture(store)}
              onBlur={() => {
                // Invalid text stays, with its message, until it is corrected.
                if (draft !== null && swing.ok) {
                  write(swing.fraction);
                  setDraft(null);
                }
                endGesture(store);
              }}
              onChange={(e) => setDraft(e.currentTarget.value)}
            />
            <span aria-hidden="true">%</span>
          </span>
        </div>
        <fieldset className="analysis-switch">
          <legend>Rank by</legend>
          <label>
            <input
              type="radio"
              name={`${headingId}-rank`}
              checked={rankBy === 'savings'}
              onChange={() => setRankBy('savings')}
            />{' '}
            savings a month
          </label>
          <label>
            <input
              type="radio"
              name={`${headingId}-rank`}
              checked={rankBy === 'breakEven'}
              onChange={() => setRankBy('breakEven')}
            />{' '}
            break-even volume
          </label>
        </fieldset>
      </div>
      {!swing.ok && (
        <p id={`${swingId}-error`} className="field-error" role="alert">
          {swing.message}
        </p>
      )}
      <RunStatus
        what="sensitivity"
        unit="inputs"
        state={state}
        onCancel={cancel}
        onRunAgain={() => start(params)}
      />
      {last && result && tornado && (
        <div className={outdated ? 'analysis-result analysis-outdated' : 'analysis-result'}>
          {outdated && (
            <p className="analysis-note">
              These are the results before your last change; the new ones follow.
            </p>
          )}
          <ChartFigure
            captionId={`${headingId}-chart`}
            caption={caption}
            fileName={`sensitivity ${strategyName}`}
            exportable={exportable}
            summary={summarizeSensitivity(result, rankBy, currency, locale)}
          >
            <TornadoChart
              data={tornado}
              lowLabel={minus}
              highLabel={plus}
              axisTitle={
                rankBy === 'savings'
                  ? `Savings a month (${currency}): baseline minus strategy`
                  : 'Break-even volume, tokens/day (log scale)'
              }
              formatTick={formatters.tick}
              formatValue={formatters.value}
              zeroLabel={rankBy === 'savings' ? 'equal cost' : null}
              label={caption}
              {...(chartWidth === undefined ? {} : { width: chartWidth })}
            />
          </ChartFigure>
          {total > TOP_ROWS && (
            <button
              type="button"
              className="analysis-more"
              aria-expanded={showAll}
              onClick={() => setShowAll((v) => !v)}
            >
              {showAll ? `Show the top ${TOP_ROWS}` : `Show all ${total} inputs`}
            </button>
          )}
          <SensitivityTable
            rows={rows}
            swing={result.swing}
            currency={currency}
            caption={
              showAll || total <= TOP_ROWS
                ? `Every input, ${rankBy === 'savings' ? 'by its effect on the savings' : 'by its effect on the break-even volume'}`
                : `The ${TOP_ROWS} inputs with the most effect, of ${total}`
            }
            {...(locale === undefined ? {} : { locale })}
          />
          {result.skipped.length > 0 && (
            <details className="analysis-skipped">
              <summary>
                {result.skipped.length === 1
                  ? 'One input cannot change these results'
                  : `${result.skipped.length} inputs cannot change these results`}
              </summary>
              <ul>
                {result.skipped.map((s) => (
                  <li key={s.key}>{s.explanation}</li>
                ))}
              </ul>
            </details>
          )}
          <p className="analysis-runner" data-runner={last.runner}>
            {last.runner === 'worker'
              ? 'Computed in a background thread, so the page stays responsive.'
              : 'Computed on this page in short steps: this browser did not start a background thread.'}
          </p>
        </div>
      )}
    </section>
  );
}

/** A stored swing fraction as the field's percentage text: "0.2" -> "20", "0.225" -> "22.5". */
function percentText(fraction: string, locale?: string): string {
  try {
    return formatShort(new Dec(fraction).mul(100).toFixed(), locale);
  } catch {
    return fraction;
  }
}

/** A stored swing if it is a fraction in (0, 1], else null. */
function validFraction(text: string): string | null {
  try {
    const d = new Dec(text);
    return d.greaterThan(0) && d.lessThanOrEqualTo(1) ? d.toFixed() : null;
  } catch {
    return null;
  }
}
