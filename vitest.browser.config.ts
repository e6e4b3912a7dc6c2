import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

// Browser tests: playwright-core drives Debian's Chromium against the built static export (out/).
export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('./', import.meta.url)) } },
  test: {
    include: ['test/browser/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
})
