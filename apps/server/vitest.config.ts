import { defineConfig } from 'vitest/config'
// A relative import: Vite bundles config files, and a workspace package's .ts would reach Node unbundled.
import { databaseTestConfig } from '../../packages/db/src/testing/vitest.ts'

export default defineConfig({ test: { ...databaseTestConfig, include: ['src/**/*.test.ts'] } })
