import { z } from 'zod'

// In the browser zod must not compile parsers with `new Function`: the Content-Security-Policy
// (script-src 'self', no 'unsafe-eval') refuses it and Chromium reports a violation even for zod's probe.
// The server keeps the compiled parsers. Imported first by index.ts, before any schema is built.
if ('document' in globalThis) z.config({ jitless: true })
