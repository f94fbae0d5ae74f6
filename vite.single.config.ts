import { defineConfig, mergeConfig } from 'vite';
import type { Plugin } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';
import baseConfig from './vite.config.js';

/**
 * `npm run build:single`: the whole app as one HTML file (dist-single/llm-tco-calculator.html)
 * that works when opened from disk, for teams that cannot host anything.
 *
 * Chromium refuses `<script type="module" src>` from file:// (the page's origin is null, so the
 * module fetch fails CORS), and a lazily loaded chunk would be a second file anyway. So everything
 * is one inline script: code splitting is off, which also turns every dynamic `import()` (charts,
 * catalogs, link codec, and the one main.tsx awaits at the top level) into an already-loaded
 * module, and vite-plugin-singlefile puts the script and the stylesheet into the HTML.
 */
export default mergeConfig(
  baseConfig,
  defineConfig({
    // Nothing may sit beside the file: a public/ asset would be a request that fails from disk.
    publicDir: false,
    plugins: [escapeScriptEnd(), viteSingleFile({ outputFileName: 'llm-tco-calculator.html' })],
    build: {
      outDir: 'dist-single',
      emptyOutDir: true,
      // One file: no chunks to preload, so no preload polyfill either.
      modulePreload: false,
      rolldownOptions: {
        output: {
          // Replaces the `groups` of vite.config.ts (mergeConfig lets `false` win over an object):
          // with one chunk there is nothing to group. The plugin sets this too; saying it here
          // keeps the build single-file whatever the plugin's version does.
          codeSplitting: false,
        },
      },
    },
  }),
);

/**
 * The HTML parser ends an inline script at the first `</script` in any letter case, followed by
 * whitespace, `/` or `>`. The minifier already writes such text in strings as `<\/script`, and
 * vite-plugin-singlefile escapes lowercase `</script>`; this guard escapes whatever is left (any
 * case, any ending, unminified builds) as `\x3C/script` before the plugin inlines the code. `\x3C`
 * means `<` everywhere a bundle can hold that text (strings, templates, regular expressions).
 */
function escapeScriptEnd(): Plugin {
  return {
    name: 'llm-tco:escape-script-end',
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type === 'chunk') chunk.code = chunk.code.replace(/<(\/script)/gi, '\\x3C$1');
      }
    },
  };
}
