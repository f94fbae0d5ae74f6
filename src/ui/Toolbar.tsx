import { Suspense, lazy, useId, useState } from 'react';
import { addressWithFragment, copyText } from '../platform/url-hash';
import { PRESET_TITLES, findPresetInfo } from '../scenario/preset-info';
import { useCalculator, useCalculatorStore, useHistoryState } from '../state/store-context';

type Props = { theme: 'light' | 'dark'; onToggleTheme: () => void };

// Each tool's dialog is its own chunk, fetched when its button is pressed: the first screen
// stays within its size budget however many tools there are.
const TOOLS = {
  share: { label: 'Share and embed', Dialog: lazy(() => import('./tools/ShareDialog')) },
  files: { label: 'Files and exports', Dialog: lazy(() => import('./tools/FilesDialog')) },
  saved: { label: 'Saved scenarios', Dialog: lazy(() => import('./tools/SavedScenariosDialog')) },
  audit: {
    label: 'Audit a published table',
    Dialog: lazy(() => import('./tools/ClaimAuditDialog')),
  },
} as const;
type ToolId = keyof typeof TOOLS;

/** Presets menu, undo/redo and the light/dark toggle. */
export function Toolbar({ theme, onToggleTheme }: Props) {
  const store = useCalculatorStore();
  const { canUndo, canRedo } = useHistoryState();
  const presetId = useCalculator((s) => s.origin.presetId);
  const id = useId();
  const preset = presetId ? findPresetInfo(presetId) : undefined;
  const [tool, setTool] = useState<ToolId | null>(null);
  // The preset chosen while its scenario downloads: the menu shows it at once.
  const [pending, setPending] = useState<string | null>(null);
  const OpenDialog = tool ? TOOLS[tool].Dialog : null;
  return (
    <div className="toolbar" role="group" aria-label="Scenario">
      <div className="preset-menu">
        <label htmlFor={id}>Scenario</label>
        <select
          id={id}
          value={pending ?? presetId ?? ''}
          onChange={(e) => {
            const id = e.currentTarget.value;
            setPending(id);
            // The presets' scenarios are a separate download, fetched when one is chosen.
            void Promise.all([import('../scenario/presets'), import('../state/inputs-from-preset')])
              .then(([{ findPreset }, { inputsFromPreset }]) => {
                const next = findPreset(id);
                if (next) store.getState().load(inputsFromPreset(next));
              })
              // A failed download (offline) leaves the scenario on screen; the menu snaps back.
              .catch(() => undefined)
              .finally(() => setPending(null));
          }}
        >
          {presetId === null && <option value="">Your scenario</option>}
          {PRESET_TITLES.map((p) => (
            <option key={p.id} value={p.id}>
              {p.title}
            </option>
          ))}
        </select>
      </div>
      <button
        type="button"
        onClick={() => store.temporal.getState().undo()}
        disabled={!canUndo}
        aria-keyshortcuts="Control+Z"
      >
        Undo
      </button>
      <button
        type="button"
        onClick={() => store.temporal.getState().redo()}
        disabled={!canRedo}
        aria-keyshortcuts="Control+Shift+Z"
      >
        Redo
      </button>
      <CopyLinkButton />
      {(Object.keys(TOOLS) as ToolId[]).map((id) => (
        <button
          key={id}
          type="button"
          aria-expanded={tool === id}
          onClick={() => setTool(tool === id ? null : id)}
        >
          {TOOLS[id].label}
        </button>
      ))}
      <button type="button" onClick={onToggleTheme} aria-pressed={theme === 'dark'}>
        Dark mode
      </button>
      {OpenDialog && (
        <Suspense fallback={<p role="status">Loading…</p>}>
          <OpenDialog onClose={() => setTool(null)} />
        </Suspense>
      )}
      {preset && (
        <details className="preset-about">
          <summary>
            About this scenario
            {preset.source ? `: ${preset.source.publisher}, ${preset.source.date}` : ''}
          </summary>
          <p>{preset.summary}</p>
          {preset.source && (
            <p>
              Source: {preset.source.publisher}, &ldquo;{preset.source.title}&rdquo; (
              {preset.source.date}), table {preset.source.tableId}.
            </p>
          )}
        </details>
      )}
    </div>
  );
}

/** Copies a link to the scenario on screen (the last valid inputs). */
function CopyLinkButton() {
  const store = useCalculatorStore();
  const [status, setStatus] = useState<{ ok: boolean; link: string } | null>(null);
  const copy = async () => {
    const { encodeScenarioLink } = await import('../scenario/link-codec');
    const { validDoc, origin } = store.getState();
    const link = addressWithFragment(encodeScenarioLink(validDoc, origin.catalogRefs));
    setStatus({ ok: await copyText(link), link });
  };
  return (
    <>
      <button type="button" onClick={() => void copy()}>
        Copy link
      </button>
      <span className="copy-status" role="status">
        {status?.ok && 'Link copied.'}
        {status && !status.ok && (
          <label>
            Copy this link:{' '}
            <input
              readOnly
              value={status.link}
              onFocus={(e) => e.currentTarget.select()}
              size={24}
            />
          </label>
        )}
      </span>
    </>
  );
}
