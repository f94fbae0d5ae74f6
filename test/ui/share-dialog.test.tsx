import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { Calculator } from '../../src/app/Calculator';
import { inputsFromPreset } from '../../src/state/inputs-from-preset';
import { DEFAULT_PRESET } from '../../src/scenario/presets';
import { decodeScenarioLink } from '../../src/scenario/link-codec';
import { parseEmbedOptions } from '../../src/ui/embed/embed-options';
import { buildEmbedSnippet } from '../../src/ui/tools/embed-snippet';

// vitest runs without globals here, so Testing Library cannot register its own cleanup.
afterEach(cleanup);

async function openShareDialog() {
  render(<Calculator initial={inputsFromPreset(DEFAULT_PRESET)} />);
  const button = screen.getByRole('button', { name: 'Share and embed' });
  button.focus();
  fireEvent.click(button);
  return screen.findByRole('dialog', { name: 'Share and embed' }, { timeout: 10_000 });
}

function snippetSrc(dialog: HTMLElement): URL {
  const code = (within(dialog).getByLabelText('Embed code') as HTMLTextAreaElement).value;
  const src = /src="([^"]+)"/.exec(code)?.[1]?.replace(/&amp;/g, '&');
  return new URL(src ?? '');
}

describe('share and embed dialog', () => {
  it('gives the share link and an iframe snippet carrying the same scenario', async () => {
    const dialog = await openShareDialog();
    const link = (within(dialog).getByLabelText('Share link') as HTMLInputElement).value;
    const code = (within(dialog).getByLabelText('Embed code') as HTMLTextAreaElement).value;
    for (const attribute of [
      'title="LLM cost: self-host or API?',
      'width="100%"',
      'height="760"',
      'loading="lazy"',
      'allow="clipboard-write"',
      'sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox"',
    ]) {
      expect(code).toContain(attribute);
    }
    const src = snippetSrc(dialog);
    expect(src.searchParams.get('embed')).toBe('1');
    expect(src.searchParams.get('panels')).toBe('headline,cost,sliders');
    expect(src.hash).toBe(new URL(link).hash);
    const decoded = decodeScenarioLink(src.hash, inputsFromPreset(DEFAULT_PRESET).doc);
    expect(decoded.kind).toBe('ok');
    if (decoded.kind === 'ok') expect(decoded.doc).toEqual(inputsFromPreset(DEFAULT_PRESET).doc);
  });

  it('panels, lock, colours and size change the snippet; lock drops the sliders', async () => {
    const dialog = await openShareDialog();
    fireEvent.click(within(dialog).getByRole('checkbox', { name: /Chart: cost by part/ }));
    fireEvent.click(within(dialog).getByRole('checkbox', { name: /Results/ }));
    fireEvent.click(within(dialog).getByRole('checkbox', { name: /Read-only/ }));
    fireEvent.change(within(dialog).getByLabelText('Colours'), { target: { value: 'dark' } });
    fireEvent.change(within(dialog).getByLabelText('Height (pixels)'), {
      target: { value: '900' },
    });
    fireEvent.change(within(dialog).getByLabelText('Width'), { target: { value: '720' } });
    const src = snippetSrc(dialog);
    expect(src.searchParams.get('panels')).toBe('cost,breakdown,sliders');
    expect(src.searchParams.get('lock')).toBe('1');
    expect(src.searchParams.get('theme')).toBe('dark');
    const options = parseEmbedOptions(src.search);
    expect(options).toMatchObject({
      headline: false,
      charts: ['cost', 'breakdown'],
      sliders: false,
      lock: true,
      theme: 'dark',
      problems: [],
    });
    const code = (within(dialog).getByLabelText('Embed code') as HTMLTextAreaElement).value;
    expect(code).toContain('height="900"');
    expect(code).toContain('width="720"');
  });

  it('closes on Escape and gives focus back to its button', async () => {
    const dialog = await openShareDialog();
    expect(document.activeElement).toBe(dialog);
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Share and embed' }));
  });
});

describe('embed options and snippet', () => {
  it('reads panels and reports what it does not understand', () => {
    expect(parseEmbedOptions('?embed=1')).toMatchObject({
      headline: true,
      charts: ['cost'],
      sliders: true,
      math: false,
      lock: false,
      problems: [],
    });
    const odd = parseEmbedOptions('?embed=1&panels=cost,pie&lock=yes&theme=blue');
    expect(odd.charts).toEqual(['cost']);
    expect(odd.lock).toBe(true);
    expect(odd.theme).toBeNull();
    expect(odd.problems).toEqual([
      'panels: "pie" is not a panel (use headline, cost, breakdown, cumulative, sliders, math).',
      'lock: "yes" is not 0 or 1; the embed is locked to be safe.',
      'theme: "blue" is not light or dark; the reader\'s system setting is used.',
    ]);
    expect(parseEmbedOptions('?embed=1&panels=,,').problems[0]).toContain('default ones');
  });

  it('escapes what it puts in attributes', () => {
    const code = buildEmbedSnippet({
      src: 'https://x.example/?embed=1&panels=cost#s1.abc',
      title: 'Q3 "plan" <draft> & more',
      width: '100%',
      heightPx: 700,
    });
    expect(code).toContain('src="https://x.example/?embed=1&amp;panels=cost#s1.abc"');
    expect(code).toContain('title="Q3 &quot;plan&quot; &lt;draft&gt; &amp; more"');
  });
});
