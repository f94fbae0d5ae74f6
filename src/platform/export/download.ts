/**
 * Saves a file the app made (a scenario, a CSV, a chart image) through the browser's download,
 * from memory: nothing is uploaded. Returns false where the browser refuses (a sandboxed frame
 * without allow-downloads), so the caller can say so.
 */
export function downloadBlob(blob: Blob, fileName: string): boolean {
  try {
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName;
    a.rel = 'noopener';
    a.style.display = 'none';
    document.body.append(a);
    a.click();
    a.remove();
    // Revoked later: some browsers read the blob after click() returns.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    return true;
  } catch {
    return false;
  }
}
