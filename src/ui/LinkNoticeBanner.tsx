import type { LinkNotice } from '../state/inputs-from-link';

/** What was wrong with the link that opened the page, and what was reset. */
export function LinkNoticeBanner({
  notice,
  onDismiss,
}: {
  notice: LinkNotice;
  onDismiss: () => void;
}) {
  if (!notice) return null;
  return (
    <div className="link-notice" role="alert">
      {notice.kind === 'error' ? (
        <p>
          <strong>This link could not be opened.</strong> {notice.message}{' '}
          {notice.kept
            ? 'The scenario on screen is unchanged.'
            : 'The default scenario is shown instead.'}
        </p>
      ) : (
        <p>
          <strong>The link was opened with some values reset.</strong> These fields were invalid and
          now hold the default scenario&apos;s values:
        </p>
      )}
      {notice.problems.length > 0 && (
        <ul>
          {notice.problems.slice(0, 8).map((p) => (
            <li key={`${p.path}:${p.message}`}>
              <code>{p.path || 'scenario'}</code> {p.message}
            </li>
          ))}
        </ul>
      )}
      <button type="button" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
