// One flat config for the whole workspace. Folder-boundary rules keep dependencies pointing one way:
// apps → core → db; everyone may use contracts; the web app uses only contracts and its own client.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const domainBoundary = {
  group: ['@trag/core/*/*', '**/core/src/*/*'],
  message: "Import another domain only through its index: '@trag/core/<domain>'.",
};

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', 'coverage/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { patterns: [domainBoundary] }],
    },
  },
  {
    files: ['packages/db/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@trag/core', '@trag/core/*', '@trag/api', '@trag/cli'],
              message: 'db must not depend on core or apps.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['packages/db/src/migrations/**/*.ts'],
    rules: {
      // Migrations are frozen history: Kysely<any> is intended, and they import nothing from the app.
      '@typescript-eslint/no-explicit-any': 'off',
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ group: ['@trag/*', '../*'], message: 'Migrations are frozen: never import application code.' }],
        },
      ],
    },
  },
  {
    files: ['packages/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            domainBoundary,
            {
              group: ['@trag/api', '@trag/api/*', '@trag/cli', '@trag/web', 'fastify'],
              message: 'core must not depend on apps or HTTP.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@trag/core', '@trag/core/*', '@trag/db', '@trag/api', 'node:*'],
              message: 'The web app uses only @trag/contracts and its own API client.',
            },
          ],
        },
      ],
    },
  },
);
