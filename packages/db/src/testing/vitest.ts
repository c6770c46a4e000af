import { fileURLToPath } from 'node:url'

/** Vitest settings for test files that use `createTestDb()`: one migrated template per run. */
export const databaseTestConfig: {
  globalSetup: string[]
  hookTimeout: number
  testTimeout: number
  maxWorkers: number
} = {
  globalSetup: [fileURLToPath(new URL('./global-setup.ts', import.meta.url))],
  hookTimeout: 120_000,
  testTimeout: 60_000,
  // PGlite is CPU-heavy and this code runs on small machines: don't start more than two at once.
  maxWorkers: 2,
}
