import { StrictMode, startTransition } from 'react';
import type { ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { readHash } from '../platform/url-hash';
import { readEmbedSearch } from '../platform/embed-mode';
import { defaultInputs } from '../state/inputs-from-document';
import './app.css';

const root = document.getElementById('root');
if (root) {
  // The link codec (and its deflate library) loads only when the page was opened with a link.
  const hash = readHash();
  const start = hash
    ? (await import('../state/inputs-from-link')).inputsFromLink(hash)
    : { inputs: defaultInputs(), notice: null };
  // Embed mode (`?embed=1`) is its own chunk: the standalone page never downloads it.
  const embed = readEmbedSearch();
  let page: ReactNode;
  if (embed !== null) {
    const { EmbedApp } = await import('./EmbedApp');
    document.documentElement.classList.add('embedded');
    page = <EmbedApp initial={start.inputs} notice={start.notice} search={embed} />;
  } else {
    page = <App initial={start.inputs} notice={start.notice} />;
  }
  // A transition renders the first screen in time slices instead of one long task.
  startTransition(() => {
    createRoot(root).render(<StrictMode>{page}</StrictMode>);
  });
}
