import '@fontsource-variable/inter'
import './ui/tokens.css'
import './ui/base.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App'
import { readSavedLocale } from './app/locale'
import { initI18n } from './i18n/i18n'

async function start(): Promise<void> {
  const container = document.getElementById('root')
  if (!container) throw new Error('The #root element is missing from index.html')
  // Read the saved language before the first paint, so the app never flashes in the wrong language.
  await initI18n(await readSavedLocale())
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  )
}

void start()
