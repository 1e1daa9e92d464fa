// Lint: typescript-eslint's recommended rules, React's hook rules, and the layers of
// ../shared/ARCHITECTURE.md held by eslint-plugin-boundaries (README "How it is laid out"):
//   app -> features -> shared;  features -> store -> bridge -> (types of) worker -> engine
// A feature never imports another feature; shared imports no feature and no store;
// components (.tsx) reach the worker only through the store.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import boundaries from 'eslint-plugin-boundaries';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import eslintComments from '@eslint-community/eslint-plugin-eslint-comments';

/** Each folder of src is one kind of element; a feature is captured by its name. */
const ELEMENTS = [
  { type: 'app', pattern: 'src/app' },
  { type: 'bench', pattern: 'src/bench' },
  { type: 'feature', pattern: 'src/features/*', capture: ['feature'] },
  { type: 'shared', pattern: 'src/shared' },
  { type: 'store', pattern: 'src/store' },
  { type: 'bridge', pattern: 'src/bridge' },
  { type: 'worker', pattern: 'src/worker' },
  { type: 'history', pattern: 'src/history' },
  { type: 'lessons', pattern: 'src/lessons' },
  { type: 'claims', pattern: 'src/claims' },
  { type: 'url', pattern: 'src/url' },
  { type: 'engine', pattern: 'src/engine' },
  { type: 'test-support', pattern: 'test' },
];

/** A feature imports only its own files. */
const SAME_FEATURE = { to: { element: { type: 'feature', captured: { feature: '{{ from.element.captured.feature }}' } } } };

/** Who may import whom (anything not listed is refused). */
const LOW = ['engine', 'url', 'lessons', 'claims'];
const LAYERS = [
  { from: 'engine', allow: ['engine'] },
  { from: 'url', allow: ['url', 'engine'] },
  { from: 'claims', allow: ['claims', 'engine'] },
  { from: 'lessons', allow: ['lessons', 'claims', 'url', 'engine'] },
  { from: 'worker', allow: ['worker', 'engine', 'history', 'url'] },
  { from: 'history', allow: ['history', 'worker', ...LOW] },
  { from: 'bridge', allow: ['bridge', 'worker', ...LOW] },
  { from: 'shared', allow: ['shared', ...LOW] },
  {
    from: 'store',
    allow: ['store', 'bridge', 'worker', 'history', 'shared', ...LOW, 'feature'],
  },
  {
    from: 'feature',
    allow: ['store', 'bridge', 'worker', 'history', 'shared', ...LOW, SAME_FEATURE],
  },
  { from: 'app', allow: ['app', 'feature', 'store', 'bridge', 'worker', 'history', 'shared', ...LOW] },
  { from: 'bench', allow: ['bench', 'app', 'feature', 'store', 'bridge', 'worker', 'history', 'shared', ...LOW] },
  { from: 'test-support', allow: ['test-support', 'engine', 'worker'] },
];

/** Unit tests (and only they) may use the shared fixtures in test/; the claims test reads the
 * lessons it checks. */
const TESTS_USE_FIXTURES = {
  from: { file: { categories: 'test' } },
  allow: [{ to: { element: { type: 'test-support' } } }, { to: { element: { type: 'lessons' } } }],
};

function toPolicy({ from, allow }) {
  const to = allow.map((t) => (typeof t === 'string' ? { to: { element: { type: t } } } : t));
  return { from: { element: { type: from } }, allow: to };
}

export default tseslint.config(
  // assembly/ is AssemblyScript (its own types and builtins), checked by its compiler, asc.
  { ignores: ['dist*/**', 'node_modules/**', 'public/**', 'reports/**', 'test-results/**', 'playwright-report/**', 'build/**', 'assembly/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.tsx', 'src/**/use*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['src/**/*.{ts,tsx}', 'test/**/*.ts'],
    plugins: { boundaries },
    settings: {
      'boundaries/elements': ELEMENTS,
      'boundaries/files': [{ category: 'test', pattern: '**/*.test.ts' }],
      'boundaries/include': ['src/**/*', 'test/**/*'],
      'import/resolver': { typescript: { project: './tsconfig.app.json' }, node: { extensions: ['.ts', '.tsx', '.js', '.mjs'] } },
    },
    rules: {
      'boundaries/dependencies': ['error', { default: 'disallow', policies: [...LAYERS.map(toPolicy), TESTS_USE_FIXTURES] }],
      'boundaries/no-unknown-files': 'error',
    },
  },
  {
    // No suppression without a reason after `--`, and none left over once the code is fixed.
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    plugins: { '@eslint-community/eslint-comments': eslintComments },
    rules: { '@eslint-community/eslint-comments/require-description': ['error', { ignore: [] }] },
  },
  {
    // Components reach the worker only through the store's actions.
    files: ['src/{features,shared,app}/**/*.tsx', 'src/{features,shared,app}/**/use*.ts'],
    ignores: ['src/app/main.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/store/bridge', '**/bridge/*'], message: 'Components reach the worker through a store action, not the bridge.' },
          ],
        },
      ],
    },
  },
);
