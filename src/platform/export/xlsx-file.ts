import writeXlsxFile from 'write-excel-file/browser';
import type { Cell, Feature, Sheet } from 'write-excel-file/browser';
import type { XlsxCell, XlsxWorkbook } from '../../scenario/files/xlsx-workbook';

/**
 * Writes a workbook (src/scenario/files/xlsx-workbook.ts) as an XLSX file with write-excel-file.
 * This module and the library load only when the user asks for the spreadsheet: the Files dialog
 * imports it dynamically, never the first screen.
 *
 * @example
 * const blob = await writeXlsxWorkbook(buildXlsxWorkbook(doc, result, info));
 * downloadBlob(blob, xlsxFileName(doc));
 */

/** Why a workbook could not be written, in words for the user. */
export const XLSX_WORKER_BLOCKED =
  'This workbook is too large to write on this page: a sheet over 160 kB is compressed in a Web ' +
  'Worker started from a blob: address, and the page’s Content-Security-Policy forbids that (a ' +
  "host can allow it with worker-src 'self' blob:). The CSV exports hold the same run-rate and timeline.";
export const XLSX_TIMED_OUT = 'Writing the spreadsheet took over a minute and was stopped.';

const TIMEOUT_MS = 60_000;

/**
 * The workbook as write-excel-file's sheets: text cells as strings (a spreadsheet never runs a
 * string cell, so a name like `=cmd|...` stays text), numbers as the nearest binary number with
 * the workbook's format, formulas with their format. Bold headers, wrapped notes, frozen header
 * rows, column widths.
 */
export function toWriterSheets(workbook: XlsxWorkbook): Sheet<Blob | ArrayBuffer | File>[] {
  const format = (kind: keyof XlsxWorkbook['numberFormats']) => {
    const f = workbook.numberFormats[kind];
    return f === null ? {} : { format: f };
  };
  const cell = (c: XlsxCell | null): Cell => {
    if (c === null) return null;
    switch (c.kind) {
      case 'text':
        return {
          value: c.text,
          type: String,
          ...(c.bold ? { fontWeight: 'bold' as const } : {}),
          ...(c.wrap ? { wrap: true, alignVertical: 'top' as const } : {}),
        };
      case 'number':
        return { value: Number(c.value), type: Number, ...format(c.format) };
      case 'formula':
        return {
          value: c.formula,
          type: 'Formula',
          ...format(c.format),
          ...(c.bold ? { fontWeight: 'bold' as const } : {}),
        };
    }
  };
  return workbook.sheets.map((sheet) => ({
    sheet: sheet.name,
    data: sheet.rows.map((row) => row.map(cell)),
    columns: sheet.columnWidths.map((width) => ({ width })),
    ...(sheet.frozenRows > 0 ? { stickyRowsCount: sheet.frozenRows } : {}),
  }));
}

/**
 * Asks the spreadsheet to compute every formula when it opens the file: the cells carry formulas
 * without cached results.
 */
export const CALCULATE_ON_LOAD: Feature<Blob | ArrayBuffer | File> = {
  files: {
    transform: {
      'xl/workbook.xml': {
        transformElementAttributes: (tagName, attributes) =>
          tagName === 'calcPr' ? { ...attributes, fullCalcOnLoad: 1 } : attributes,
      },
    },
  },
};

/**
 * The XLSX file of a workbook. Rejects with a message for the user when the browser cannot write
 * it: fflate compresses a part over 160 kB in a Worker from a `blob:` address, which a strict
 * Content-Security-Policy refuses without telling fflate (the promise would never settle), so a
 * policy violation during the write ends it at once.
 */
export async function writeXlsxWorkbook(workbook: XlsxWorkbook): Promise<Blob> {
  let stop = () => {};
  const failed = new Promise<never>((_, reject) => {
    const timer = setTimeout(() => reject(new Error(XLSX_TIMED_OUT)), TIMEOUT_MS);
    const onViolation = (event: SecurityPolicyViolationEvent) => {
      if (event.effectiveDirective === 'worker-src' || event.blockedURI === 'blob') {
        reject(new Error(XLSX_WORKER_BLOCKED));
      }
    };
    const target = typeof document === 'undefined' ? null : document;
    target?.addEventListener('securitypolicyviolation', onViolation);
    stop = () => {
      clearTimeout(timer);
      target?.removeEventListener('securitypolicyviolation', onViolation);
    };
  });
  try {
    const written = writeXlsxFile(toWriterSheets(workbook), {
      features: [CALCULATE_ON_LOAD],
    }).toBlob();
    return await Promise.race([written, failed]);
  } finally {
    stop();
  }
}
