import { useId, useState } from 'react';
import { scenarioFileName, scenarioToJson } from '../../scenario/files/scenario-file';
import {
  CSV_MIME_TYPE,
  EXCEL_UTF8_BOM,
  csvFileName,
  runRateCsv,
  timelineCsv,
} from '../../scenario/files/csv-export';
import { downloadBlob } from '../../platform/export/download';
import { printPage } from '../../platform/print';
import { addressWithFragment } from '../../platform/url-hash';
import { findPresetInfo } from '../../scenario/preset-info';
import { useCalculatorShallow, useCalculatorStore } from '../../state/store-context';
import { useCatalog } from '../catalog-context';
import { useEvaluation } from '../evaluation-context';
import { useShowNotice } from '../notice-context';
import { preloadPrintMemo } from '../print-memo-loader';
import { ToolDialog } from './ToolDialog';
import { openScenarioFile } from './open-scenario-file';

/** Scenario files (save, open), CSV exports, and print. */
export default function FilesDialog({ onClose }: { onClose: () => void }) {
  const store = useCalculatorStore();
  const showNotice = useShowNotice();
  const { validDoc, origin } = useCalculatorShallow((s) => ({
    validDoc: s.validDoc,
    origin: s.origin,
  }));
  const { result, stale } = useEvaluation();
  const catalog = useCatalog();
  const [status, setStatus] = useState('');
  const [writing, setWriting] = useState(false);
  const id = useId();
  const saveBlob = (blob: Blob, name: string) => {
    const ok = downloadBlob(blob, name);
    setStatus(ok ? `Saved ${name}.` : 'This page may not download files here.');
  };
  const save = (text: string, type: string, name: string) =>
    saveBlob(new Blob([text], { type }), name);
  // The workbook code and write-excel-file load only now, never with the first screen.
  const saveXlsx = async () => {
    setWriting(true);
    setStatus('Writing the spreadsheet…');
    try {
      const [{ buildXlsxWorkbook, provenanceSources, xlsxFileName }, { writeXlsxWorkbook }, link] =
        await Promise.all([
          import('../../scenario/files/xlsx-workbook'),
          import('../../platform/export/xlsx-file'),
          import('../../scenario/link-codec'),
        ]);
      const preset = origin.presetId ? findPresetInfo(origin.presetId) : undefined;
      const workbook = buildXlsxWorkbook(validDoc, result, {
        exportedOn: localDate(new Date()),
        link: addressWithFragment(link.encodeScenarioLink(validDoc, origin.catalogRefs)),
        sourceOf: provenanceSources(
          validDoc,
          { preset, loaded: origin.loaded, catalogRefs: origin.catalogRefs },
          catalog,
        ),
      });
      saveBlob(await writeXlsxWorkbook(workbook), xlsxFileName(validDoc));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      setStatus(`The spreadsheet could not be written. ${message}`);
    } finally {
      setWriting(false);
    }
  };
  return (
    <ToolDialog title="Files and exports" onClose={onClose}>
      {stale && (
        <p className="stale-note">
          A field is invalid: files and exports hold the last valid inputs, as the results do.
        </p>
      )}
      <h3>Scenario file</h3>
      <p>
        The whole scenario as JSON (the format in the README), to attach to a budget request or keep
        with a project. Opening it checks it the way a link is checked.
      </p>
      <div className="file-actions">
        <button
          type="button"
          onClick={() =>
            save(scenarioToJson(validDoc), 'application/json', scenarioFileName(validDoc))
          }
        >
          Save scenario file (.json)
        </button>
        <label className="file-pick">
          <input
            type="file"
            accept=".json,application/json"
            aria-describedby={`${id}-drop`}
            onChange={(e) => {
              const input = e.currentTarget;
              const file = input.files?.[0];
              if (!file) return;
              void openScenarioFile(file, store, showNotice).then((opened) => {
                setStatus(opened ? `Opened ${file.name}.` : `${file.name} was not opened.`);
                input.value = '';
              });
            }}
          />
          Open a scenario file…
        </label>
      </div>
      <p id={`${id}-drop`} className="field-help">
        Or drop a scenario file anywhere on the page.
      </p>

      <h3>Spreadsheets (CSV, XLSX)</h3>
      <p>
        CSV: numbers as numbers (no separators or symbols), money rounded to the cent, unit prices
        to six decimals; the currency is in the column names.
      </p>
      <p id={`${id}-xlsx`}>
        XLSX: one workbook to audit. Every input, the monthly run-rate as formulas over those inputs
        (change one and the totals follow), the timeline with cumulative cost and NPV as formulas,
        and the app&rsquo;s own results beside them.
      </p>
      <div className="file-actions">
        <button
          type="button"
          onClick={() =>
            save(
              EXCEL_UTF8_BOM + runRateCsv(result, validDoc),
              CSV_MIME_TYPE,
              csvFileName(validDoc, 'run-rate'),
            )
          }
        >
          Run-rate breakdown (.csv)
        </button>
        <button
          type="button"
          onClick={() =>
            save(
              EXCEL_UTF8_BOM + timelineCsv(result, validDoc),
              CSV_MIME_TYPE,
              csvFileName(validDoc, 'timeline'),
            )
          }
        >
          Monthly timeline per strategy (.csv)
        </button>
        <button
          type="button"
          aria-describedby={`${id}-xlsx`}
          // aria-disabled, not disabled: a disabled button would drop the focus out of the dialog.
          aria-disabled={writing || undefined}
          onClick={() => {
            if (!writing) void saveXlsx();
          }}
        >
          Spreadsheet (.xlsx)
        </button>
      </div>

      <h3>Print or PDF</h3>
      <p>
        A memo: title and date, the assumptions with their sources, the results, the charts and
        every formula. Choose &ldquo;Save as PDF&rdquo; in the print dialog for a file. Each chart
        also has its own <strong>PNG</strong> button.
      </p>
      <div className="file-actions">
        <button
          type="button"
          onClick={() => {
            void preloadPrintMemo().then(() => printPage());
          }}
        >
          Print or save as PDF
        </button>
      </div>
      <p role="status" className="copy-status">
        {status}
      </p>
    </ToolDialog>
  );
}

/** `2026-11-20` in the user's own calendar day (not UTC's). */
function localDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
