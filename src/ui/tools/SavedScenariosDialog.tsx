import { ToolDialog } from './ToolDialog';

export default function SavedScenariosDialog({ onClose }: { onClose: () => void }) {
  return (
    <ToolDialog title="SavedScenariosDialog" onClose={onClose}>
      <p>Coming.</p>
    </ToolDialog>
  );
}
