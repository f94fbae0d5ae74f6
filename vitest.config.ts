import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { ALIASES } from './vite.config.ts';

// Two projects (STYLE.md): the core and scenario format run in node, components in jsdom.
export default defineConfig({
  plugins: [react()],
  // The same module aliases as the build, so component tests run the charts as shipped.
  resolve: { alias: ALIASES },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'core',
          environment: 'node',
          // Property tests run thousands of cases: on a shared 2-core machine they can take
          // several times their usual second. Speed is measured by `npm run bench`, not here.
          testTimeout: 60_000,
          include: [
            'test/core/**/*.test.ts',
            'test/scenario/**/*.test.ts',
            'test/state/**/*.test.ts',
          ],
        },
      },
      {
        extends: true,
        test: {
          name: 'ui',
          environment: 'jsdom',
          include: ['test/ui/**/*.test.{ts,tsx}'],
          setupFiles: ['test/ui/setup.ts'],
        },
      },
    ],
  },
});
