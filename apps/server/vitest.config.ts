import { databaseTestConfig } from '@kundnav/db/testing'
import { defineConfig } from 'vitest/config'

export default defineConfig({ test: { ...databaseTestConfig, include: ['src/**/*.test.ts'] } })
