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
import { useCalculator, useCalculatorStore } from '../../state/store-context';
import { useEvaluation } from '../evaluation-context';
import { useShowNotice } from '../notice-context';
import { preloadPrintMemo } from '../print-memo-loader';
import { ToolDialog } from './ToolDialog';
import { openScenarioFile } from './open-scenario-file';

/** Scenario files (save, open), CSV exports, and print. */
export default function FilesDialog({ onClose }: { onClose: () => void }) {
  const store = useCalculatorStore();
  const showNotice = useShowNotice();
  const validDoc = useCalculator((s) => s.validDoc);
  const { result, stale } = useEvaluation();
  const [status, setStatus] = useState('');
  const id = useId();
  const save = (text: string, type: string, name: string) => {
    const ok = downloadBlob(new Blob([text], { type }), name);
    setStatus(ok ? `Saved ${name}.` : 'This page may not download files here.');
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

      <h3>Spreadsheet (CSV)</h3>
      <p>
        Numbers as numbers (no separators or symbols), money rounded to the cent, unit prices to six
        decimals; the currency is in the column names.
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
