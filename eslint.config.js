import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'client/dist-*/**',
      'data/**',
      'reports/**',
      'eslint.config.js',
      '.ci/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'Read configuration through server/src/env.ts',
        },
      ],
    },
  },
  {
    files: ['server/src/env.ts', 'tests/**', '**/vite.config.ts', 'vitest.config.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    // Layer boundaries (STYLE.md rule 15): db and shared never import the HTTP or tRPC layers.
    files: ['db/**', 'shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['express', '@trpc/*', '@jalon/server', '@jalon/server/*'] },
      ],
    },
  },
  {
    files: ['client/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@jalon/server', '@jalon/server/*', '@jalon/db'], allowTypeImports: true },
          ],
        },
      ],
    },
  },
);
