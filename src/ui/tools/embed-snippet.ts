/**
 * The HTML a wiki editor pastes to embed the calculator (DESIGN section 5), and the optional
 * script that sizes the frame from the embed's height messages.
 */
export type EmbedSnippetInput = {
  src: string;
  title: string;
  /** A CSS length for the attribute: `100%` or a number of pixels. */
  width: string;
  heightPx: number;
};

/**
 * The sandbox the snippet suggests: scripts (the app is a script), popups that escape the
 * sandbox (so "Open the full calculator" opens a normal tab). No `allow-same-origin`: the embed
 * needs no storage or cookies, and without it the wiki page and the embed stay fully apart.
 */
export const SUGGESTED_SANDBOX = 'allow-scripts allow-popups allow-popups-to-escape-sandbox';

export function buildEmbedSnippet({ src, title, width, heightPx }: EmbedSnippetInput): string {
  return [
    '<iframe',
    `  src="${escapeAttribute(src)}"`,
    `  title="${escapeAttribute(title)}"`,
    `  width="${escapeAttribute(width)}" height="${heightPx}"`,
    '  loading="lazy"',
    '  allow="clipboard-write"',
    `  sandbox="${SUGGESTED_SANDBOX}"`,
    '  referrerpolicy="no-referrer"',
    '  style="border: 0; max-width: 100%"',
    '  data-llm-tco',
    '></iframe>',
  ].join('\n');
}

/**
 * For hosts that allow a script: resizes each calculator frame to the height it reports. The
 * message comes from a sandboxed frame (origin "null"), so it is matched by its source window,
 * and the height is clamped so a misbehaving frame cannot take over the page.
 */
export const AUTO_HEIGHT_SCRIPT = `<script>
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || data.type !== 'llm-tco:height' || typeof data.height !== 'number') return;
    document.querySelectorAll('iframe[data-llm-tco]').forEach(function (frame) {
      if (frame.contentWindow === event.source) {
        frame.style.height = Math.min(Math.max(data.height, 150), 10000) + 'px';
      }
    });
  });
</script>`;

function escapeAttribute(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}
