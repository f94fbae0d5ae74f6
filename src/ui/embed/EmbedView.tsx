import { useEffect, useMemo, useRef } from 'react';
import { useCalculator } from '../../state/store-context';
import { encodeScenarioLink } from '../../scenario/link-codec';
import { standaloneAddress } from '../../platform/embed-address';
import { reportHeightToParent } from '../../platform/embed-height';
import { Headline } from '../Headline';
import { Charts } from '../charts/Charts';
import { ShowMath } from '../ShowMath';
import { useSettledValue } from '../charts/use-settled-value';
import { EmbedSliders } from './EmbedSliders';
import type { EmbedOptions } from './embed-options';

/**
 * The compact view a wiki page embeds (`?embed=1`): the panels chosen in the address, a link to
 * the full calculator with the same scenario, and nothing that needs storage.
 */
export function EmbedView({ options }: { options: EmbedOptions }) {
  const ref = useRef<HTMLElement>(null);
  const currency = useCalculator((s) => s.doc.currency);
  const validDoc = useCalculator((s) => s.validDoc);
  const catalogRefs = useCalculator((s) => s.origin.catalogRefs);
  useEffect(() => (ref.current ? reportHeightToParent(ref.current) : undefined), []);
  // The link is re-encoded once a slider settles, not on every tick of a drag.
  const settledDoc = useSettledValue(validDoc, 300);
  const href = useMemo(
    () => standaloneAddress(encodeScenarioLink(settledDoc, catalogRefs)),
    [settledDoc, catalogRefs],
  );
  return (
    <main ref={ref} className="embed" data-locked={options.lock ? '' : undefined}>
      <h1 className="visually-hidden">LLM cost: self-host or pay per token?</h1>
      {options.problems.length > 0 && (
        <div className="link-notice" role="status">
          <p>
            <strong>Some embed settings were not understood:</strong>
          </p>
          <ul>
            {options.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      {options.headline && <Headline currency={currency} />}
      {options.charts.length > 0 && <Charts currency={currency} charts={options.charts} />}
      {options.sliders && <EmbedSliders />}
      {options.math && <ShowMath currency={currency} />}
      <p className="embed-footer">
        <a href={href} target="_blank" rel="noopener noreferrer">
          Open the full calculator
        </a>{' '}
        (new tab) · Calculated in your browser; nothing is sent anywhere.
      </p>
    </main>
  );
}
