import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// base './' so the build runs from any static host or sub-path (DESIGN section 5).
export default defineConfig({
  base: './',
  plugins: [react()],
  build: {
    target: 'es2022',
    sourcemap: false,
  },
});
