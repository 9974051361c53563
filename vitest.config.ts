// One suite: unit tests beside the code, integration tests on PGlite (and PostgreSQL when
// TEST_DATABASE_URL is set), browser tests under test/e2e (when Chromium is found).
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'],
    globalSetup: ['test/support/tiers.ts'],
    pool: 'forks',
    // generous: CI shares two cores with PostgreSQL and Chromium; a slow machine is not a failure
    testTimeout: 60_000,
    hookTimeout: 180_000,
    env: { NODE_ENV: 'test' },
  },
})
