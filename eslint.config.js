// Lint rules, including the one-way layer rules of DESIGN section 1:
// core <- scenario <- state <- ui <- app, with platform serving ui/app.
// A violation is an error, so `npm run lint` (and CI) fails on it.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const layer = (message, patterns) => ({
  'no-restricted-imports': ['error', { patterns: patterns.map((p) => ({ ...p, message })) }],
});

export default tseslint.config(
  { ignores: ['dist/**', 'dist-single/**', 'coverage/**', 'node_modules/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: layer(
      'src/core is pure decimal maths: it may import only decimal.js and other core files (DESIGN section 1).',
      [{ regex: '^(?!decimal\\.js$|\\./)' }],
    ),
  },
  {
    // The same rule for any future sub-folder of src/core: `../x` is a core file
    // there; anything two levels up is another layer.
    files: ['src/core/*/*.ts'],
    rules: layer(
      'src/core is pure decimal maths: it may import only decimal.js and other core files (DESIGN section 1).',
      [{ regex: '^(?!decimal\\.js$|\\./|\\.\\./(?!\\.\\./))' }],
    ),
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      // No floats in money paths: parse numbers from strings, never from float expressions.
      'no-restricted-globals': [
        'error',
        { name: 'window', message: 'core has no DOM' },
        { name: 'document', message: 'core has no DOM' },
        { name: 'localStorage', message: 'core has no DOM' },
        { name: 'parseFloat', message: 'use Dec, not floats, in the core' },
      ],
    },
  },
  {
    files: ['src/scenario/**/*.ts'],
    rules: layer(
      'src/scenario may import only core, scenario files, decimal.js, valibot and fflate (DESIGN section 1).',
      [{ regex: '^(?!decimal\\.js$|valibot$|fflate$|\\./|\\.\\./core/)' }],
    ),
  },
  {
    // The same rule for a sub-folder of src/scenario (such as files/): `../x` is a scenario file
    // there and core is `../../core/`; anything else two levels up is another layer.
    files: ['src/scenario/*/*.ts'],
    rules: layer(
      'src/scenario may import only core, scenario files, decimal.js, valibot and fflate (DESIGN section 1).',
      [
        {
          regex: '^(?!decimal\\.js$|valibot$|fflate$|\\./|\\.\\./(?!\\.\\./)|\\.\\./\\.\\./core/)',
        },
      ],
    ),
  },
  {
    files: ['src/state/**/*.{ts,tsx}'],
    rules: layer('src/state may not import ui, app or platform (DESIGN section 1).', [
      { regex: '(^|/)(ui|app|platform)/' },
    ]),
  },
  {
    files: ['src/platform/**/*.{ts,tsx}'],
    rules: layer('src/platform serves ui and app; it may not import them or the store.', [
      { regex: '(^|/)(ui|app|state)/' },
    ]),
  },
  {
    // DESIGN section 1: only src/platform touches the address bar, history, storage, clipboard
    // and messaging.
    files: ['src/state/**/*.{ts,tsx}', 'src/ui/**/*.{ts,tsx}', 'src/app/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...[
          'location',
          'history',
          'localStorage',
          'sessionStorage',
          'navigator',
          'postMessage',
          'parent',
        ].map((name) => ({
          name,
          message: 'use src/platform for browser-level APIs (DESIGN section 1)',
        })),
      ],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    rules: layer('src/ui may not import app (DESIGN section 1).', [{ regex: '(^|/)app/' }]),
  },
  {
    files: ['src/**/*.tsx', 'test/ui/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['scripts/**/*.{js,mjs,ts}', 'bench/**/*.ts', '*.config.{js,ts}', '.ci/**'],
    languageOptions: { globals: { ...globals.node } },
  },
);
