// ESLint flat config. The layering rules of DESIGN §1 are errors: a violation fails `npm run lint`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import react from 'eslint-plugin-react';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// Bare Node module names go in `paths` (exact names): as gitignore-style `patterns` they would
// also match our own files, e.g. './events'.
const nodeBuiltinNames = [
  'fs',
  'path',
  'os',
  'child_process',
  'worker_threads',
  'crypto',
  'stream',
  'http',
  'https',
  'url',
  'zlib',
  'events',
  'util',
];
const nodeBuiltins = ['node:*'];
const noNodeBuiltinPaths = nodeBuiltinNames.map((name) => ({
  name,
  message: 'No Node modules here (DESIGN §1).',
}));

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'tests/fixtures/**',
      'bench/.work/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: noNodeBuiltinPaths,
          patterns: [
            {
              group: ['electron', ...nodeBuiltins],
              message: 'shared/ must not import runtime-specific modules (DESIGN §1).',
            },
            {
              group: ['react', 'react-dom', 'react/*'],
              message: 'shared/ must not import UI frameworks (DESIGN §1).',
            },
            {
              group: ['**/electron/**', '**/renderer/**'],
              message: 'shared/ must not import from electron/ or renderer/ (DESIGN §1).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', 'electron/*', 'electron-store'],
              message: 'electron/core runs in plain Node: never import electron (DESIGN §1).',
            },
            {
              group: [
                '**/main/**',
                '**/preload/**',
                '**/server/**',
                '**/cli/**',
                '../main',
                '../preload',
                '../server',
                '../cli',
                '../../main/*',
                '../../server/*',
                '../../cli/*',
                '../../preload/*',
              ],
              message: 'electron/core must not import the adapters main/preload/server/cli (DESIGN §1).',
            },
            { group: ['**/renderer/**'], message: 'electron/core must not import the renderer (DESIGN §1).' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/{main,server,cli,preload}/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/renderer/**'], message: 'The back end must not import the renderer (DESIGN §1).' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/{server,cli}/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', 'electron/*', 'electron-store'],
              message: 'The server and CLI run in plain Node: never import electron.',
            },
            {
              group: ['**/renderer/**', '**/main/**', '**/preload/**'],
              message: 'Adapters do not import each other (DESIGN §1).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { react, 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    settings: { react: { version: '19' } },
    rules: {
      ...react.configs.recommended.rules,
      ...react.configs['jsx-runtime'].rules,
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      'no-restricted-imports': [
        'error',
        {
          paths: noNodeBuiltinPaths,
          patterns: [
            {
              group: ['electron', 'electron/*', 'electron-store', ...nodeBuiltins],
              message: 'The renderer must not import electron or Node modules (DESIGN §1).',
            },
            {
              group: ['**/electron/**'],
              message: 'The renderer must not import the back end (DESIGN §1); use the bridge.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { ...globals.node } },
  },
);
