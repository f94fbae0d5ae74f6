import { useId, useMemo, useState } from 'react';
import { encodeScenarioLink } from '../../scenario/link-codec';
import { addressWithFragment, copyText } from '../../platform/url-hash';
import { embedAddress, isServedOverHttp } from '../../platform/embed-address';
import { useCalculatorShallow } from '../../state/store-context';
import { EMBED_PANELS, DEFAULT_PANELS } from '../embed/embed-options';
import { ToolDialog } from './ToolDialog';
import { AUTO_HEIGHT_SCRIPT, SUGGESTED_SANDBOX, buildEmbedSnippet } from './embed-snippet';

const PANEL_LABELS: Record<string, string> = {
  headline: 'Results (verdict, savings, break-even, payback)',
  cost: 'Chart: monthly cost by volume',
  breakdown: 'Chart: cost by part',
  cumulative: 'Chart: cumulative cost over the horizon',
  sliders: 'A few sliders (volume, API prices, GPU price)',
  math: 'Show the math',
};

/** The share link, and the embed-code generator for a wiki page. */
export default function ShareDialog({ onClose }: { onClose: () => void }) {
  const { validDoc, catalogRefs } = useCalculatorShallow((s) => ({
    validDoc: s.validDoc,
    catalogRefs: s.origin.catalogRefs,
  }));
  const fragment = useMemo(
    () => encodeScenarioLink(validDoc, catalogRefs),
    [validDoc, catalogRefs],
  );
  const link = addressWithFragment(fragment);
  const [panels, setPanels] = useState<readonly string[]>(DEFAULT_PANELS);
  const [lock, setLock] = useState(false);
  const [theme, setTheme] = useState<'' | 'light' | 'dark'>('');
  const [width, setWidth] = useState('100%');
  const [height, setHeight] = useState('760');
  const heightPx = Math.min(Math.max(Math.round(Number(height)) || 760, 150), 10000);
  const params: Record<string, string> = { embed: '1', panels: panels.join(',') };
  if (lock) params.lock = '1';
  if (theme) params.theme = theme;
  const src = embedAddress(params, fragment);
  const snippet = buildEmbedSnippet({
    src,
    title: `LLM cost: self-host or API? (${validDoc.name})`,
    width: /^\d+(%|px)?$/.test(width.trim()) ? width.trim() : '100%',
    heightPx,
  });
  const id = useId();
  return (
    <ToolDialog title="Share and embed" onClose={onClose}>
      <h3>Link</h3>
      <p>
        The whole scenario travels in the part of the link after <code>#</code>, which browsers
        never send to a server: it stays out of every access log.
      </p>
      <CopyField label="Share link" text={link} />

      <h3>Embed in a wiki page</h3>
      {!isServedOverHttp() && (
        <p className="field-error">
          This copy of the calculator runs from a file. An embed needs the calculator hosted on a
          web server that the wiki&apos;s readers can reach; the code below points at this file.
        </p>
      )}
      <fieldset className="embed-panels">
        <legend>Panels to show</legend>
        {EMBED_PANELS.map((panel) => (
          <label key={panel}>
            <input
              type="checkbox"
              checked={panels.includes(panel)}
              disabled={panel === 'sliders' && lock}
              onChange={(e) => {
                const on = e.currentTarget.checked;
                setPanels((list) =>
                  on
                    ? EMBED_PANELS.filter((p) => p === panel || list.includes(p))
                    : list.filter((p) => p !== panel),
                );
              }}
            />{' '}
            {PANEL_LABELS[panel]}
          </label>
        ))}
      </fieldset>
      {panels.length === 0 && (
        <p className="field-error" role="status">
          No panel chosen: the embed will show the default ones.
        </p>
      )}
      <div className="embed-settings">
        <label>
          <input
            type="checkbox"
            checked={lock}
            onChange={(e) => setLock(e.currentTarget.checked)}
          />{' '}
          Read-only (lock: readers see the results, without inputs)
        </label>
        <label htmlFor={`${id}-theme`}>Colours</label>
        <select
          id={`${id}-theme`}
          value={theme}
          onChange={(e) => setTheme(e.currentTarget.value as '' | 'light' | 'dark')}
        >
          <option value="">The reader&apos;s system setting</option>
          <option value="light">Light</option>
          <option value="dark">Dark</option>
        </select>
        <label htmlFor={`${id}-width`}>Width</label>
        <input
          id={`${id}-width`}
          value={width}
          size={6}
          onChange={(e) => setWidth(e.currentTarget.value)}
          aria-describedby={`${id}-width-help`}
        />
        <span id={`${id}-width-help`} className="field-help">
          100% or pixels, such as 720
        </span>
        <label htmlFor={`${id}-height`}>Height (pixels)</label>
        <input
          id={`${id}-height`}
          value={height}
          size={6}
          inputMode="numeric"
          onChange={(e) => setHeight(e.currentTarget.value)}
        />
      </div>
      <CopyField label="Embed code" text={snippet} multiline />
      <details>
        <summary>Let the frame size itself (hosts that allow a script)</summary>
        <p>
          The embed tells its page how tall it is whenever that changes, with a message that carries
          nothing but the height: <code>{`{ type: 'llm-tco:height', height: 812 }`}</code>. Where
          the page may run a script, add this once and the frames fit their content:
        </p>
        <CopyField label="Auto-height script" text={AUTO_HEIGHT_SCRIPT} multiline />
      </details>
      <details>
        <summary>Notes for wiki administrators</summary>
        <ul>
          <li>
            <strong>Sandbox.</strong> <code>sandbox=&quot;{SUGGESTED_SANDBOX}&quot;</code> runs the
            calculator with no access to the wiki page, its cookies or its storage; popups are
            allowed only so &ldquo;Open the full calculator&rdquo; opens a normal tab. The embed
            needs nothing more: it keeps no data, and nothing leaves the reader&apos;s browser.
          </li>
          <li>
            <strong>MediaWiki</strong> removes <code>&lt;iframe&gt;</code> from page text. An
            administrator can allow it for this site through an extension such as Widgets (a widget
            page holding the snippet above, with the address as a parameter) or EmbedVideo-style
            iframe extensions restricted to this host; avoid enabling raw HTML for all editors.
          </li>
          <li>
            <strong>Confluence</strong> (Data Center): use the iframe or HTML macro, which an
            administrator must enable, and add this site to the allowlist. Confluence Cloud has no
            raw HTML: use an iframe macro app from the Marketplace, or paste the link as an embed
            where the site is allowlisted. Either way, the page must reach the calculator&apos;s
            host.
          </li>
          <li>
            <strong>The calculator&apos;s host</strong> must allow framing (
            <code>Content-Security-Policy: frame-ancestors</code> with the wiki&apos;s origin) and
            send <code>Access-Control-Allow-Origin</code> on its assets, because a sandboxed frame
            has no origin of its own. The README lists the headers and an nginx example.
          </li>
        </ul>
      </details>
    </ToolDialog>
  );
}

/** Read-only text with a Copy button; where the clipboard is refused, the text is selected. */
function CopyField({
  label,
  text,
  multiline = false,
}: {
  label: string;
  text: string;
  multiline?: boolean;
}) {
  const id = useId();
  const [status, setStatus] = useState('');
  const copy = async () => {
    setStatus(
      (await copyText(text)) ? 'Copied.' : 'Copying was refused here: select the text and copy it.',
    );
  };
  return (
    <div className="copy-field">
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea
          id={id}
          readOnly
          value={text}
          rows={text.split('\n').length}
          onFocus={(e) => e.currentTarget.select()}
        />
      ) : (
        <input id={id} readOnly value={text} onFocus={(e) => e.currentTarget.select()} />
      )}
      <button type="button" onClick={() => void copy()}>
        Copy {label.toLowerCase()}
      </button>
      <span role="status">{status}</span>
    </div>
  );
}
