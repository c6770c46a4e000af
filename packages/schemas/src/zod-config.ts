import { config } from 'zod/mini'

// In the browser zod must not compile parsers with `new Function`: the Content-Security-Policy
// (script-src 'self', no 'unsafe-eval') refuses it and Chromium reports a violation even for zod's probe.
// The server keeps the compiled parsers. Imported first by index.ts and sign-in.ts, before any schema is
// built; zod and zod/mini share this setting (it is zod's core's), and importing it from zod/mini keeps
// zod's full build off the sign-in page.
if ('document' in globalThis) config({ jitless: true })
