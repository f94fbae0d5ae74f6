import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

/** Module aliases, shared with vitest.config.ts so component tests run the charts as shipped. */
export const ALIASES = {
  // recharts' tick maths runs on decimal.js itself (see src/vendor/decimal-js-light.ts).
  'decimal.js-light': fileURLToPath(new URL('./src/vendor/decimal-js-light.ts', import.meta.url)),
};

// base './' so the build runs from any static host or sub-path (DESIGN section 5).
export default defineConfig({
  base: './',
  plugins: [react()],
  resolve: { alias: ALIASES },
  // The analysis worker (src/platform/analysis-worker.ts, imported with `?worker`) is a module
  // worker: its own file in assets/, loaded from the page's origin (CSP `script-src 'self'`).
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    sourcemap: false,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // Everything the first screen needs in one chunk. Without this, modules shared with
          // the lazily loaded parts (link codec, charts) become many tiny chunks, which compress
          // worse and cost more requests. Lazily loaded code stays out by folder: ui/tools and
          // ui/embed (dialogs, embed view), scenario/files (JSON, CSV), platform/export and
          // platform/storage, state/saved-*, app/Embed*, and the analyses (core/claim-audit,
          // input-refs, sensitivity, goal seek, Monte Carlo; ui/analyses). Validation (valibot,
          // the schema) is out too: the first screen shows a built-in document and
          // state/document-validator.ts fetches it at start-up. The entry (main.tsx) stays out: it awaits the link
          // chunk, which imports this one, and a chunk cannot wait on itself.
          groups: [
            {
              name: 'app',
              test: /src[\\/]core[\\/](?!explain|fragmentation-cost|workload-assignments|claim-audit|input-refs|input-fields|strategy-pair|sensitivity|goal-seek|analysis-text|monte-carlo)|src[\\/]platform[\\/](?!export[\\/]|storage[\\/]|embed-|analysis-)|src[\\/]app[\\/](?!main|Embed)|src[\\/]state[\\/](?!inputs-from-link|inputs-from-file|inputs-from-preset|saved-)|src[\\/]scenario[\\/](?!catalog[\\/]|claims[\\/]|validate-|scenario-schema|decimal-field|document\.ts|document-check|untrusted-input|analysis-|currency-|link-|repair-|portfolio-|files[\\/]|presets\.ts|presets[\\/](?!default\.json))|src[\\/]ui[\\/](?!charts[\\/](ChartsPanel|ChartFigure|FirstScreenCharts|CostCurveChart|cost-curve-geometry|chart-data|chart-summaries)|MathTables|CatalogPickers|LinkNoticeBanner|Currency(?!Settings)|currency-text|tools[\\/]|embed[\\/]|portfolio[\\/]|analyses[\\/])|node_modules[\\/](react|react-dom|scheduler|zustand|zundo|decimal\.js)[\\/]/,
            },
          ],
        },
      },
    },
  },
});
