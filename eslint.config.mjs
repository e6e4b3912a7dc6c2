import nextVitals from 'eslint-config-next/core-web-vitals'
import nextTs from 'eslint-config-next/typescript'
import tseslint from 'typescript-eslint'

const uiImports = [
  { name: 'react', message: 'lib/ is framework-free: no React.' },
  { name: 'react-dom', message: 'lib/ is framework-free: no React.' },
  { name: 'zustand', message: 'lib/ outside lib/store may not import zustand.' },
  { name: 'jszip', message: 'Only lib/export/zip.ts imports jszip.' },
]
const uiPatterns = [
  { group: ['next', 'next/*'], message: 'lib/ is framework-free: no Next.' },
  { group: ['@xyflow/*'], message: 'lib/ is framework-free: no React Flow.' },
  {
    group: ['@/components/*', '@/app/*', '**/components/*', '**/app/*'],
    message: 'lib/ must not import the UI.',
  },
  { group: ['react/*', 'react-dom/*', 'zustand/*'], message: 'lib/ is framework-free.' },
]

export default tseslint.config(
  {
    ignores: [
      '.next/**',
      'out/**',
      'node_modules/**',
      'next-env.d.ts',
      'bench/results/**',
      'public/docs-client/**',
      'public/designer-client/**',
    ],
  },
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      eqeqeq: ['error', 'always'],
      'no-console': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      'react-hooks/exhaustive-deps': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportAllDeclaration', message: 'No export *: import the concrete module.' },
        {
          selector:
            "CallExpression[callee.object.name=/^(describe|it|test)$/][callee.property.name='only']",
          message: 'No .only in tests.',
        },
      ],
    },
  },
  {
    files: ['lib/**/*.ts'],
    ignores: ['lib/store/**', 'lib/export/zip.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: uiImports, patterns: uiPatterns }],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'navigator'],
    },
  },
  {
    files: ['lib/store/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: uiImports.filter((p) => p.name !== 'zustand'),
          patterns: uiPatterns.filter((p) => !p.group.includes('zustand/*')),
        },
      ],
    },
  },
  {
    files: ['lib/export/zip.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: uiImports.filter((p) => p.name !== 'jszip'), patterns: uiPatterns },
      ],
    },
  },
  {
    // The pages are static HTML without Next.js's client router (the designer and the docs
    // alike, see pages/_document.tsx): plain links are right.
    files: ['components/**', 'pages/**'],
    rules: { '@next/next/no-html-link-for-pages': 'off' },
  },
  {
    files: ['bin/**', 'cli/**', 'scripts/**', 'bench/**', 'test/**'],
    rules: { 'no-console': 'off' },
  },
)
