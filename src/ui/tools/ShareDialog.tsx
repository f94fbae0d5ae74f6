import { ToolDialog } from './ToolDialog';

export default function ShareDialog({ onClose }: { onClose: () => void }) {
  return (
    <ToolDialog title="ShareDialog" onClose={onClose}>
      <p>Coming.</p>
    </ToolDialog>
  );
}
