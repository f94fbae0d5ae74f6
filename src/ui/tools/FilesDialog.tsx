import { ToolDialog } from './ToolDialog';

export default function FilesDialog({ onClose }: { onClose: () => void }) {
  return (
    <ToolDialog title="FilesDialog" onClose={onClose}>
      <p>Coming.</p>
    </ToolDialog>
  );
}
