// @ts-check
import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/*
 * The layering, checked (house-style.md, Layout): apps -> libs/domain -> libs/core -> libs/common.
 * - libs never import apps; libs/common imports neither libs/core nor libs/domain (nor Nest or TypeORM: the
 *   dashboard uses it); libs/core does not import libs/domain.
 * - A context of libs/domain (a folder such as plans/ or milestones/) uses another context only through its
 *   public face, `../<context>` (its index.ts), never `../<context>/<file>`. shared/ names no context and may be
 *   imported file by file. Entities (`*.entity.ts`) are the exception: TypeORM's relations tie the tables of
 *   several contexts together, and importing an entity file directly keeps those ties out of import cycles
 *   through the indexes (an index read while it is still loading yields undefined for Nest's injection).
 * - The files at the root of libs/domain (the Nest modules, api-resolvers.ts, request-loaders.ts) compose the
 *   contexts and are not imported by them, except the request context and loaders as types.
 * Each `files` block below gives a file its whole list (a later block replaces an earlier one's list).
 */
const APPS = { regex: '(^|/)apps/', message: 'libs never import apps.' };
const DOMAIN = {
  regex: '^@ogp/domain|(^|/)domain/src',
  message: 'libs/common and libs/core never import libs/domain.',
};
const CORE = { regex: '^@ogp/core|(^|/)core/src', message: 'libs/common never imports libs/core.' };
const FRAMEWORKS = {
  regex: '^(@nestjs/|typeorm)',
  message: 'libs/common is pure: no Nest or TypeORM (the dashboard uses it).',
};
const CONTEXTS = readdirSync(new URL('./libs/domain/src/', import.meta.url), {
  withFileTypes: true,
})
  .filter((entry) => entry.isDirectory() && entry.name !== 'shared')
  .map((entry) => entry.name);
const contextRules = (context) => [
  APPS,
  { regex: '^@ogp/domain', message: 'Inside libs/domain, import by relative path.' },
  {
    // `../other/file` or `../../other/file` (from dto/), unless other is this context, shared, or it is an entity.
    regex: `^(\\.\\./)+(?!(${context}|shared)/)[a-z-]+/(?!.*\\.entity$)`,
    message: `Use another context through its public face ('../<context>', its index.ts), not its files.`,
  },
  {
    regex:
      '^(\\.\\./)+(admin|plans-read|progress-writes|plan-activity)\\.module$|^(\\.\\./)+(api-resolvers|entities)$',
    message: 'The root of libs/domain composes the contexts; a context does not import it.',
  },
  {
    regex: '^(\\.\\./)+request-(context|loaders)$',
    allowTypeImports: true,
    message: 'A context may import the request context and loaders as types only.',
  },
];
const layering = (patterns) => ({
  '@typescript-eslint/no-restricted-imports': ['error', { patterns }],
});

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'data/**',
      'node_modules/**',
      'coverage/**',
      'test-output/**',
      'apps/dashboard/dist/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // An unawaited assertion passes silently.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-extraneous-class': 'off',
    },
  },
  { files: ['libs/**/*.ts'], rules: layering([APPS]) },
  { files: ['libs/core/**/*.ts'], rules: layering([APPS, DOMAIN]) },
  { files: ['libs/common/**/*.ts'], rules: layering([APPS, DOMAIN, CORE, FRAMEWORKS]) },
  ...CONTEXTS.map((context) => ({
    files: [`libs/domain/src/${context}/**/*.ts`],
    rules: layering(contextRules(context)),
  })),
  {
    files: ['**/*.mjs'],
    languageOptions: { sourceType: 'module' },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      parserOptions: { projectService: false },
      sourceType: 'commonjs',
      globals: {
        require: 'readonly',
        module: 'writable',
        process: 'readonly',
        console: 'readonly',
        __dirname: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        fetch: 'readonly',
        setTimeout: 'readonly',
        performance: 'readonly',
      },
    },
    rules: {
      ...tseslint.configs.disableTypeChecked.rules,
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
);
