import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import storybook from 'eslint-plugin-storybook'
import globals from 'globals'
import tseslint from 'typescript-eslint'

// What users copy (src/server, src/client) may import only from src/shared, never from each
// other, the mocks or the stories: a copied file must not drag test code or the wrong runtime.
const outsideShared = (...forbidden) => ({
  'no-restricted-imports': [
    'error',
    {
      patterns: forbidden.map((group) => ({
        group: [`**/${group}`, `**/${group}/**`],
        message: `src/server and src/client import only from src/shared (not ${group}).`,
      })),
    },
  ],
})

// Everything outside src/ (the app, stories, mocks, tests, bench) uses the kit the way a user's
// app does, through `@/lib/session/...`: a relative path into src/ would not survive the copy.
const kitThroughAlias = {
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        {
          regex: '^(\\./|(\\.\\./)+)src(/|$)',
          message: 'Outside src/, import the kit as @/lib/session/..., exactly as an app does.',
        },
      ],
    },
  ],
}

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      '.next/',
      'storybook-static/',
      'public/mockServiceWorker.js',
      'next-env.d.ts',
      'test-results/',
      'playwright-report/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...storybook.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': [
        'error',
        { 'ts-expect-error': true, 'ts-ignore': true },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  { files: ['**/*.{ts,tsx,js,mjs}'], ignores: ['src/**'], rules: kitThroughAlias },
  { files: ['src/server/**'], rules: outsideShared('client', 'mocks', 'stories', 'app') },
  { files: ['src/client/**'], rules: outsideShared('server', 'mocks', 'stories', 'app') },
  { files: ['src/shared/**'], rules: outsideShared('server', 'client', 'mocks', 'stories', 'app') },
)
