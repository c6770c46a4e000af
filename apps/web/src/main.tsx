import { StrictMode, startTransition } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/app.tsx'
import { setupI18n } from './i18n/i18n.ts'
import { loadTrpc } from './lib/api.ts'
import './styles.css'

// The tRPC client: no page needs it to show, so it loads while the first one renders (lib/api.ts).
void loadTrpc().catch(() => undefined)

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')

// Swedish is at hand at once; a remembered English is fetched first. Not a top-level await: that would
// keep the bundler from merging the entry's shared modules into it (dozens of small requests).
void setupI18n().then(() => {
  // As a transition, the first render yields to the browser every few milliseconds instead of holding the
  // main thread for the whole tree (Lighthouse's total blocking time, a slow phone's first tap).
  startTransition(() => {
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    )
  })
})
