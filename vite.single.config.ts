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
 * module, and vite-plugin-singlefile puts the script and the stylesheet into the HTML. The
 * analysis worker is inlined too (`inlineWorkers`).
 */
export default mergeConfig(
  baseConfig,
  defineConfig({
    // Nothing may sit beside the file: a public/ asset would be a request that fails from disk.
    publicDir: false,
    // The inlined analysis worker (`inlineWorkers`) is a classic one: opened from disk the page's
    // origin is null, and a module worker would need more than Chromium allows such a page.
    worker: { format: 'iife' },
    plugins: [
      inlineWorkers(),
      escapeScriptEnd(),
      viteSingleFile({ outputFileName: 'llm-tco-calculator.html' }),
    ],
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
 * A worker (`import X from './analysis-worker?worker'`) is a file of its own, which a page
 * opened from disk could not load. Here every `?worker` import becomes `?worker&inline`, so Vite
 * puts the worker's bundled code in the page as a string, and the worker starts from a `data:`
 * URL rather than Vite's `blob:` one: a page opened from disk makes no request at all, and a
 * classic worker (see `worker.format` above) from a `data:` URL runs there. If a browser
 * refuses it anyway, the analysis client runs the same jobs on the page in short slices.
 */
function inlineWorkers(): Plugin {
  return {
    name: 'llm-tco:inline-workers',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!/[?&]worker$/.test(source)) return null;
      return this.resolve(`${source}&inline`, importer, { ...options, skipSelf: true });
    },
    transform: {
      order: 'post',
      handler(code, id) {
        if (!/[?&]worker&inline\b/.test(id)) return null;
        // Vite's inline module starts with the code as one JSON string literal.
        const content = /^const jsContent = (".*");$/m.exec(code)?.[1];
        if (content === undefined) return null;
        return {
          code: [
            `const jsContent = ${content};`,
            'export default function WorkerWrapper(options) {',
            "  return new Worker('data:text/javascript;charset=utf-8,' + encodeURIComponent(jsContent), {",
            '    name: options?.name,',
            '  });',
            '}',
          ].join('\n'),
          map: null,
        };
      },
    },
  };
}

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
