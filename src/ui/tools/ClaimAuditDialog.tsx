import { ClaimAuditView } from '../analyses/ClaimAuditView';
import { ToolDialog } from './ToolDialog';

/**
 * The claim audit (issue 6) as a toolbar dialog: it re-derives the published cost tables and
 * audits a table the user pastes, independent of the scenario on screen.
 */
export default function ClaimAuditDialog({ onClose }: { onClose: () => void }) {
  return (
    <ToolDialog title="Audit a published table" onClose={onClose} wide>
      <ClaimAuditView />
    </ToolDialog>
  );
}
