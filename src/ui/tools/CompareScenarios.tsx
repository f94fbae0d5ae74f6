import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { evaluateModel } from '../../core/evaluate';
import type { ScenarioResult } from '../../core/result';
import type { ScenarioDoc } from '../../scenario/document';
import { validateScenario } from '../../scenario/validate-scenario';
import { compareInputs, compareResults } from './compare-scenarios';
import type { InputRow, Matching, ResultRow } from './compare-scenarios';

/** One side of a comparison: a saved scenario or the one on screen. */
export type CompareSide = { label: string; doc: ScenarioDoc };

/**
 * Two scenarios side by side: each strategy's results in A and B with the exact difference
 * B − A, then every input, the ones that differ marked in words as well as colour and optionally
 * shown alone. Each table scrolls sideways inside its own box on a phone.
 */
export function CompareScenarios({
  a,
  b,
  onSwap,
  onClose,
}: {
  a: CompareSide;
  b: CompareSide;
  onSwap: () => void;
  onClose: () => void;
}) {
  const headingId = useId();
  const filterId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [onlyDifferences, setOnlyDifferences] = useState(false);
  const resultA = useResult(a.doc);
  const resultB = useResult(b.doc);
  const inputs = useMemo(() => compareInputs(a.doc, b.doc), [a.doc, b.doc]);
  const results = useMemo(
    () =>
      resultA && resultB
        ? compareResults(
            { result: resultA, currency: a.doc.currency },
            { result: resultB, currency: b.doc.currency },
          )
        : null,
    [resultA, resultB, a.doc.currency, b.doc.currency],
  );

  // Keyboard and screen-reader users land on the comparison they asked for.
  useEffect(() => heading.current?.focus(), []);

  const allRows = inputs.sections.flatMap((s) => s.rows);
  const differing = allRows.filter((r) => r.differs).length;
  const shownSections = inputs.sections
    .map((s) => ({ ...s, rows: onlyDifferences ? s.rows.filter((r) => r.differs) : s.rows }))
    .filter((s) => s.rows.length > 0);

  return (
    <section className="compare" aria-labelledby={headingId}>
      <div className="compare-head">
        <h3 id={headingId} ref={heading} tabIndex={-1}>
          Comparison
        </h3>
        <button type="button" onClick={onSwap}>
          Swap A and B
        </button>
        <button type="button" onClick={onClose}>
          Close comparison
        </button>
      </div>
      <p>
        A: <strong>{a.label}</strong>. B: <strong>{b.label}</strong>. Differences are B − A.
      </p>

      <h4>Results</h4>
      {results ? (
        <>
          <p className="hint">
            {matchingSentence('Strategies', results.matching)} Savings, break-even and payback are
            against each scenario&apos;s own baseline (its first strategy). Amounts are exact until
            shown, then rounded to the currency&apos;s minor unit.
          </p>
          {!results.sameCurrency && (
            <p className="compare-note" role="note">
              A is in {a.doc.currency} and B in {b.doc.currency}: money differences are not taken
              (the calculator does not convert currencies).
            </p>
          )}
          <ScrollBox label="Results of A and B">
            <table className="compare-table">
              <caption>
                Results per strategy: per month at today&apos;s volume, NPV over the horizon
              </caption>
              <thead>
                <tr>
                  <th scope="col">Result</th>
                  <th scope="col" className="compare-number">
                    A
                  </th>
                  <th scope="col" className="compare-number">
                    B
                  </th>
                  <th scope="col" className="compare-number">
                    Difference (B − A)
                  </th>
                </tr>
              </thead>
              {results.strategies.map((s) => (
                <tbody key={s.key}>
                  <tr className="compare-section">
                    <th scope="rowgroup" colSpan={4}>
                      {s.title}
                    </th>
                  </tr>
                  {s.rows.map((row) => (
                    <ResultLine key={row.key} row={row} />
                  ))}
                </tbody>
              ))}
            </table>
          </ScrollBox>
        </>
      ) : (
        <p className="compare-note" role="note">
          One of the scenarios has invalid inputs, so its results cannot be computed.
        </p>
      )}

      <h4>Inputs</h4>
      <p className="hint">
        {matchingSentence('Workloads', inputs.matching.workloads)}{' '}
        {matchingSentence('Options', inputs.matching.options)}{' '}
        {matchingSentence('Strategies', inputs.matching.strategies)}
      </p>
      <div className="compare-filter">
        <input
          id={filterId}
          type="checkbox"
          checked={onlyDifferences}
          onChange={(e) => setOnlyDifferences(e.currentTarget.checked)}
        />
        <label htmlFor={filterId}>Show only inputs that differ</label>
        <span role="status">
          {differing === 0
            ? 'The inputs are the same.'
            : `${differing} of ${allRows.length} inputs differ.`}
        </span>
      </div>
      {shownSections.length > 0 && (
        <ScrollBox label="Inputs of A and B">
          <table className="compare-table">
            <caption>{onlyDifferences ? 'Inputs that differ' : 'Every input'}, in A and B</caption>
            <thead>
              <tr>
                <th scope="col">Input</th>
                <th scope="col">A</th>
                <th scope="col">B</th>
              </tr>
            </thead>
            {shownSections.map((s) => (
              <tbody key={s.key}>
                <tr className="compare-section">
                  <th scope="rowgroup" colSpan={3}>
                    {s.title}
                  </th>
                </tr>
                {s.rows.map((row) => (
                  <InputLine key={row.key} row={row} />
                ))}
              </tbody>
            ))}
          </table>
        </ScrollBox>
      )}
    </section>
  );
}

/** The results of a document; null when it does not validate (a saved entry is validated on read). */
function useResult(doc: ScenarioDoc): ScenarioResult | null {
  return useMemo(() => {
    const valid = validateScenario(doc);
    return valid.ok ? evaluateModel(valid.scenario) : null;
  }, [doc]);
}

function matchingSentence(what: string, matching: Matching): string {
  return matching === 'id'
    ? `${what} are matched by id.`
    : `${what} share no id, so they are matched by position (first with first).`;
}

/** A table too wide for a phone scrolls inside this box, which takes focus so keys can scroll it. */
function ScrollBox({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="compare-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}

/** The "differs" marker: words, not only the row's colour. */
function Marker() {
  return (
    <span className="compare-marker">
      <span aria-hidden="true">≠ </span>differs
    </span>
  );
}

function InputLine({ row }: { row: InputRow }) {
  return (
    <tr className={row.differs ? 'differs' : undefined}>
      <th scope="row">
        {row.label}
        {row.differs && <Marker />}
      </th>
      <td>{row.a ?? <Absent />}</td>
      <td>{row.b ?? <Absent />}</td>
    </tr>
  );
}

function ResultLine({ row }: { row: ResultRow }) {
  return (
    <tr className={row.differs ? 'differs' : undefined}>
      <th scope="row">
        {row.label}
        {row.differs && <Marker />}
      </th>
      <td className="compare-number">{row.a}</td>
      <td className="compare-number">{row.b}</td>
      <td className="compare-number">{row.difference}</td>
    </tr>
  );
}

function Absent() {
  return (
    <>
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">not in this scenario</span>
    </>
  );
}
