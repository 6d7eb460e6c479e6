import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const root = fileURLToPath(new URL('.', import.meta.url));
const web = './apps/web/src';
const features = readdirSync(new URL(`${web}/features`, import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

/**
 * The SPA's layers: src/app composes features; a feature uses only itself, src/lib and
 * src/components; those two use neither features nor the app (their tests may render the app's
 * providers).
 */
function spaBoundaries({ sharedMayImportApp }) {
  return [
    'error',
    {
      basePath: root,
      zones: [
        ...features.map((name) => ({
          target: `${web}/features/${name}`,
          from: `${web}/features`,
          except: [`./${name}`],
          message:
            'A feature does not import another one: move what both need to src/lib or src/components.',
        })),
        {
          target: [`${web}/lib`, `${web}/components`],
          from: sharedMayImportApp ? [`${web}/features`] : [`${web}/features`, `${web}/app`],
          message:
            'src/lib and src/components are shared by every feature: they import no feature or app code.',
        },
      ],
    },
  ];
}

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      'apps/api/src/db/migrations/**',
      'e2e/test-results/**',
      'e2e/playwright-report/**',
    ],
  },
  { files: ['**/*.{js,mjs,cjs,ts,tsx}'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks, 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js'] })],
    },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'import-x/no-restricted-paths': spaBoundaries({ sharedMayImportApp: false }),
      'import-x/no-cycle': 'error',
    },
  },
  {
    files: ['apps/web/src/**/*.test.{ts,tsx}'],
    rules: { 'import-x/no-restricted-paths': spaBoundaries({ sharedMayImportApp: true }) },
  },
  {
    // Every import names the file it needs: no index files that re-export a folder.
    files: ['apps/web/src/**/index.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'Program',
          message: 'No barrel files in the SPA: import from the module itself.',
        },
      ],
    },
  },
  {
    files: ['apps/api/scripts/**', 'apps/api/src/db/*-cli.ts', 'apps/api/bench/**', 'e2e/**'],
    rules: { 'no-console': 'off' },
  },
);
