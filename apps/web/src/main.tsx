import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/app.tsx'
import { setupI18n } from './i18n/i18n.ts'
import './styles.css'

// Swedish is at hand at once; a remembered English is fetched first.
await setupI18n()

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
