// One linter for the whole tree. The module boundaries of docs/house-style are rules here, so a wrong
// import fails `npm test` instead of waiting for review:
//   core ← shared ← {background, content, popup, dashboard, cli}; only background touches dexie.
import tseslint from 'typescript-eslint';

const DOM_AND_BROWSER_GLOBALS = [
  'window',
  'document',
  'navigator',
  'location',
  'chrome',
  'browser',
  'indexedDB',
  'localStorage',
  'sessionStorage',
  'fetch',
  'XMLHttpRequest',
  'HTMLElement',
  'Node',
  'Element',
  'MutationObserver',
  'requestAnimationFrame',
  'requestIdleCallback',
  'getComputedStyle',
  'self',
  'globalThis',
].map((name) => ({ name, message: 'src/core is pure: no DOM or browser globals (pass what you need in).' }));

const noBackground = {
  group: ['**/background/**', '../background/*'],
  message: 'Content and UI code never import background code; send a message.',
};
const noDexie = {
  group: ['dexie', 'dexie/*'],
  message: 'Only src/background touches Dexie; other contexts go through messages.',
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.tmp/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', ...DOM_AND_BROWSER_GLOBALS],
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'webextension-polyfill', message: 'src/core uses no browser API.' }],
          patterns: [
            {
              group: [
                '**/shared/**',
                '**/background/**',
                '**/content/**',
                '**/popup/**',
                '**/dashboard/**',
                '**/cli/**',
              ],
              message: 'src/core imports nothing outside src/core.',
            },
            {
              group: ['node:*', 'fs', 'path', 'os', 'child_process'],
              message: 'src/core runs in browsers too: no Node built-ins.',
            },
            noDexie,
          ],
        },
      ],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            noBackground,
            noDexie,
            {
              group: ['**/content/**', '**/popup/**', '**/dashboard/**', '**/cli/**'],
              message: 'shared sits below the contexts.',
            },
          ],
        },
      ],
    },
  },
  {
    files: [
      'src/content/**/*.{ts,tsx}',
      'src/popup/**/*.{ts,tsx}',
      'src/dashboard/**/*.{ts,tsx}',
      'src/cli/**/*.ts',
    ],
    rules: { 'no-restricted-imports': ['error', { patterns: [noBackground, noDexie] }] },
  },
);
