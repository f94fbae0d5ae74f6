import type { LinkNotice } from '../state/inputs-from-link';

/** What was wrong with the link or file that was opened, and what was reset or kept. */
export function LinkNoticeBanner({
  notice,
  onDismiss,
}: {
  notice: LinkNotice;
  onDismiss: () => void;
}) {
  if (!notice) return null;
  const what = notice.from?.kind === 'file' ? `The file “${notice.from.name}”` : 'This link';
  const fellBack =
    notice.kind === 'error' && notice.kept
      ? 'The scenario on screen is unchanged.'
      : 'The default scenario is shown instead.';
  return (
    <div className="link-notice" role="alert">
      {notice.kind === 'error' ? (
        <p>
          <strong>{what} could not be opened.</strong> {notice.message} {fellBack}
        </p>
      ) : (
        <p>
          <strong>{what} was opened with some values reset.</strong> These fields were invalid and
          now hold{' '}
          {notice.from?.kind === 'file'
            ? 'the values that were on screen'
            : "the default scenario's values"}
          :
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
      {notice.problems.length > 8 && <p>…and {notice.problems.length - 8} more.</p>}
      <button type="button" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}

export default LinkNoticeBanner;
