import { defineConfig } from 'vitest/config'
import { databaseTestConfig } from './src/testing/vitest.ts'

export default defineConfig({ test: { ...databaseTestConfig, include: ['src/**/*.test.ts'] } })
