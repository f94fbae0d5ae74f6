import { useEffect, useId, useRef } from 'react';
import type { ReactNode } from 'react';

/**
 * The frame of a toolbar dialog (share and embed, files, saved scenarios): a labelled,
 * non-modal dialog that takes focus when it opens, closes on Escape or its Close button, and
 * gives focus back to the button that opened it. Non-modal on purpose: the numbers behind it stay
 * readable, and jsdom (the component tests) has no `showModal`.
 */
export function ToolDialog({
  title,
  onClose,
  children,
  wide = false,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  wide?: boolean;
}) {
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const opener = document.activeElement;
    ref.current?.focus();
    return () => {
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    };
  }, []);
  return (
    <div
      ref={ref}
      role="dialog"
      aria-labelledby={titleId}
      className={wide ? 'tool-dialog wide' : 'tool-dialog'}
      tabIndex={-1}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <div className="tool-dialog-head">
        <h2 id={titleId}>{title}</h2>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
      {children}
    </div>
  );
}
