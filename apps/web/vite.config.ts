import { createRequire } from 'node:module'
import { dirname } from 'node:path'
import tailwindcss from '@tailwindcss/vite'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'
import { precompress } from './build/precompress.ts'

const SCHEMAS_REQUIRE = createRequire(new URL('../../packages/schemas/package.json', import.meta.url))

const FRAMEWORK =
  /[\\/]node_modules[\\/](?:react|react-dom|scheduler|@tanstack[\\/][^\\/]+|i18next|react-i18next|use-sync-external-store)[\\/]/

export default defineConfig({
  plugins: [react(), tailwindcss(), precompress()],
  server: {
    proxy: {
      '/api': 'http://localhost:3000',
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // dist/.vite/manifest.json: the chunk graph bench/first-page-js.ts reads (the server never serves it).
    manifest: true,
    rolldownOptions: {
      output: {
        advancedChunks: {
          // The libraries every page runs on, in one file rather than a dozen: one request, and gzip and
          // brotli compress them better together. Libraries only some pages use (zod) stay with those pages,
          // and tRPC's client with lib/trpc.ts, which loads after the entry (lib/api.ts).
          groups: [{ name: 'framework', test: FRAMEWORK }],
        },
      },
    },
  },
  test: {
    // Browser tests live in e2e/ and run under Playwright, never under Vitest.
    include: ['src/**/*.test.{ts,tsx}', 'build/**/*.test.ts'],
    environment: 'node',
    // The app takes zod only through @kundnav/schemas; a test that defines a throwaway offering form
    // (features/orders) needs that very zod, whose classes describeForm() tells fields apart by.
    alias: { zod: dirname(SCHEMAS_REQUIRE.resolve('zod/package.json')) },
  },
})
