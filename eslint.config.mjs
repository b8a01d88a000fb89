import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const nodeOnly = ['electron', 'node:*', 'fs', 'path', 'sequelize', 'mongoose', 'mysql2', 'sqlite3'];
const rendererBoundaries = [
  ...nodeOnly.map((name) => ({ group: [name], message: 'Renderer and shared code run without Node: go through window.clinic.' })),
  { group: ['**/electron/**'], message: 'The renderer never imports main-process code: share it through shared/.' },
];
const apiOnlyFromStores = { group: ['**/api/client'], message: 'Only the zustand stores call the API (renderer/src/stores/).' };

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': ['error', { allow: ['error', 'warn'] }],
    },
  },
  {
    // Process boundaries: the renderer and the shared contract never reach Node or Electron.
    files: ['renderer/**/*.{ts,tsx}', 'shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: nodeOnly.map((name) => ({ group: [name], message: 'Renderer and shared code run without Node: go through window.clinic.' })) }],
    },
  },
  {
    // The renderer reaches main only through the contract, and only its stores call the API.
    // (One rule entry per file set: a later no-restricted-imports replaces an earlier one.)
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/src/stores/**', 'renderer/src/api/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...rendererBoundaries, apiOnlyFromStores] }] },
  },
  {
    files: ['renderer/src/stores/**/*.{ts,tsx}', 'renderer/src/api/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: rendererBoundaries }] },
  },
  {
    // Layers of main: the runtime (stores, their state) sits below the services and the channels.
    files: ['electron/main/runtime/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['../services/**', '../ipc/**', '../compose', '../window', '../index', '../session'], message: 'The runtime depends on nothing above it: pass what it needs in.' }] },
      ],
    },
  },
  {
    // The data layer (repositories, models, document stores) sits below the services: what a
    // repository needs from the rules lives in shared/domain or in the data layer itself.
    files: ['electron/main/data/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: String.raw`^(\.\./)+(services|ipc)(/|$)|^(\.\./)+(compose|window|index|session)$`, message: 'Data never imports services or channels: move what it needs down to shared/domain or the data layer.' }] },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    files: ['scripts/**/*.mjs', 'tests/**/*.ts', '*.config.*'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['scripts/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', fetch: 'readonly' } },
  },
);
