import { useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { chartToPng } from '../../platform/export/chart-png';
import { downloadBlob } from '../../platform/export/download';
import { fileNameStem } from '../../scenario/files/file-name';

/**
 * One chart with its caption, its text summary and a "Save as PNG" button (the full calculator
 * only: a sandboxed embed may not download).
 */
export function ChartFigure({
  captionId,
  caption,
  fileName,
  exportable,
  children,
  summary,
}: {
  captionId: string;
  caption: string;
  fileName: string;
  exportable: boolean;
  children: ReactNode;
  summary: ReactNode;
}) {
  const ref = useRef<HTMLElement>(null);
  const [message, setMessage] = useState('');
  const save = async () => {
    if (!ref.current) return;
    try {
      const blob = await chartToPng({ figure: ref.current });
      const saved = downloadBlob(blob, `${fileNameStem(fileName, 'chart')}.png`);
      setMessage(saved ? '' : 'This page may not download files here.');
    } catch (error) {
      setMessage(`The image could not be made: ${error instanceof Error ? error.message : ''}`);
    }
  };
  return (
    <figure ref={ref} className="chart" aria-labelledby={captionId}>
      <div className="chart-head">
        <figcaption id={captionId}>{caption}</figcaption>
        {exportable && (
          <button
            type="button"
            className="chart-png"
            aria-label={`Save the chart "${caption}" as a PNG image`}
            onClick={() => void save()}
          >
            PNG
          </button>
        )}
      </div>
      {children}
      {message && (
        <p className="field-error" role="alert">
          {message}
        </p>
      )}
      <p className="chart-summary">{summary}</p>
    </figure>
  );
}
