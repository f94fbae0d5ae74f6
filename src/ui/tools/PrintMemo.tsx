import { useMemo } from 'react';
import { encodeScenarioLink } from '../../scenario/link-codec';
import { fieldSource } from '../../scenario/provenance';
import { findPresetInfo } from '../../scenario/preset-info';
import { addressWithFragment } from '../../platform/url-hash';
import { useCalculator, useCalculatorShallow } from '../../state/store-context';
import { useCatalog } from '../catalog-context';
import MathTables from '../MathTables';
import { compareInputs } from './compare-scenarios';

/**
 * The printed memo ("Print / Save as PDF"): rendered only while the page is being printed, and
 * shown only in print. The head (title, date, link, assumptions with sources) goes above the
 * results and charts; the formulas go after them.
 */
export function PrintMemoHead({ currency }: { currency: string }) {
  const { doc, origin } = useCalculatorShallow((s) => ({ doc: s.validDoc, origin: s.origin }));
  const catalog = useCatalog();
  const link = useMemo(
    () => addressWithFragment(encodeScenarioLink(doc, origin.catalogRefs)),
    [doc, origin.catalogRefs],
  );
  const sections = useMemo(() => compareInputs(doc, doc).sections, [doc]);
  const preset = origin.presetId ? findPresetInfo(origin.presetId) : undefined;
  const today = new Intl.DateTimeFormat(undefined, { dateStyle: 'long' }).format(new Date());
  return (
    <section className="print-memo" aria-label="Printed memo">
      <h2>{doc.name}</h2>
      <p>
        Prepared {today}. All amounts in {currency}
        {doc.fx
          ? ` (catalog prices in USD converted at ${doc.fx.rateFromUsd} ${currency} per USD, as of ${doc.fx.asOf}; source: ${doc.fx.source})`
          : ''}
        , per month unless stated. Calculated exactly (decimal arithmetic), rounded only for
        display.
      </p>
      <p className="print-link">
        Open this scenario: <span>{link}</span>
      </p>
      <h3>Assumptions and their sources</h3>
      <table className="memo-table">
        <thead>
          <tr>
            <th scope="col">Input</th>
            <th scope="col">Value</th>
            <th scope="col">Source</th>
          </tr>
        </thead>
        {sections.map((section) => (
          <tbody key={section.key}>
            <tr>
              <th scope="rowgroup" colSpan={3}>
                {section.title}
              </th>
            </tr>
            {section.rows.filter(isAssumption).map((row) => {
              const source = row.path
                ? fieldSource(
                    { preset, loaded: origin.loaded, catalogRefs: origin.catalogRefs },
                    typeof row.path[1] === 'number' && row.path[0] === 'options'
                      ? doc.options[row.path[1]]
                      : undefined,
                    row.path,
                    catalog,
                    doc,
                  )
                : null;
              const changed =
                source?.defaultValue !== null &&
                source?.defaultValue !== undefined &&
                row.raw !== undefined &&
                source.defaultValue !== row.raw;
              return (
                <tr key={row.key}>
                  <td>{row.label}</td>
                  <td>
                    {row.a}
                    {changed ? ' (changed)' : ''}
                  </td>
                  <td>
                    {source
                      ? `${source.kind === 'catalog' ? 'Catalog' : source.kind === 'assumption' ? 'Assumption' : 'Scenario'}${source.asOf ? `, as of ${source.asOf}` : ''}${source.source ? `: ${source.source}` : ''}${source.conversion ? ` (${source.conversion})` : ''}`
                      : ''}
                  </td>
                </tr>
              );
            })}
          </tbody>
        ))}
      </table>
    </section>
  );
}

export function PrintMemoMath({ currency }: { currency: string }) {
  // The currency of the scenario, not of the memo's props, if they ever differ.
  const docCurrency = useCalculator((s) => s.validDoc.currency);
  return (
    <section className="print-memo" aria-label="Formulas">
      <h3>Every cost line with its formula and numbers</h3>
      <MathTables currency={docCurrency || currency} />
    </section>
  );
}

/** Ids, names and kinds are in the section titles; the table lists the numbers and settings. */
function isAssumption(row: { path?: readonly (string | number)[] }): boolean {
  const last = row.path?.at(-1);
  return last !== 'id' && last !== 'name' && last !== 'kind';
}
