/**
 * Files dragged onto the page: `onDragChange(true)` while a file is held over it (to show where
 * to drop), `onDrop(file)` with the first file dropped. Other drags (text, links) are left to the
 * browser. The file is read in memory; nothing is uploaded.
 */
export function listenForFileDrop({
  onDragChange,
  onDrop,
}: {
  onDragChange: (active: boolean) => void;
  onDrop: (file: File) => void;
}): () => void {
  let depth = 0;
  const hasFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') ?? false;
  const enter = (e: DragEvent) => {
    if (!hasFiles(e)) return;
    depth += 1;
    onDragChange(true);
  };
  const over = (e: DragEvent) => {
    if (!hasFiles(e)) return;
    // Without this the browser would open the file in place of the calculator.
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
  };
  const leave = (e: DragEvent) => {
    if (!hasFiles(e)) return;
    depth = Math.max(0, depth - 1);
    if (depth === 0) onDragChange(false);
  };
  const drop = (e: DragEvent) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    depth = 0;
    onDragChange(false);
    const file = e.dataTransfer?.files[0];
    if (file) onDrop(file);
  };
  window.addEventListener('dragenter', enter);
  window.addEventListener('dragover', over);
  window.addEventListener('dragleave', leave);
  window.addEventListener('drop', drop);
  return () => {
    window.removeEventListener('dragenter', enter);
    window.removeEventListener('dragover', over);
    window.removeEventListener('dragleave', leave);
    window.removeEventListener('drop', drop);
  };
}
