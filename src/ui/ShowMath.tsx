import { Suspense, lazy, useId, useState } from 'react';

const MathTables = lazy(() => import('./MathTables'));

/** Every result line with its formula and the numbers that went into it. */
export function ShowMath({ currency }: { currency: string }) {
  const [open, setOpen] = useState(false);
  const titleId = useId();
  return (
    <section className="show-math" aria-labelledby={titleId}>
      <h2 id={titleId}>Show the math</h2>
      <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>Every monthly cost line with its formula and numbers</summary>
        {/* Computed and rendered only while open: it is a lot of DOM to update per slider move. */}
        {open && (
          <Suspense fallback={<p>Loading…</p>}>
            <MathTables currency={currency} />
          </Suspense>
        )}
      </details>
    </section>
  );
}
