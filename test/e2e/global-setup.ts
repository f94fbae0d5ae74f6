import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
// @ts-expect-error -- plain ESM script without type declarations
import { startServer } from '../../scripts/serve.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/** Serves dist/ on a free 127.0.0.1 port for the whole browser-test run. */
export default async function setup(project: TestProject) {
  if (!existsSync('dist/index.html')) {
    throw new Error('dist/ is missing: run `npm run build` before the browser tests');
  }
  const server = (await startServer({ dir: 'dist', port: 0 })) as {
    url: string;
    close: () => Promise<void>;
  };
  project.provide('baseUrl', server.url);
  return () => server.close();
}
