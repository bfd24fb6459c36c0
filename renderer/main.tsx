// Entry point: mounts the app. Styles are plain CSS with variables (light and dark themes).
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import './styles/tokens.css'
import './styles/base.css'
import './styles/shell.css'
import './styles/overlays.css'
import './styles/editor.css'
import './styles/overview.css'

const root = document.getElementById('root')
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  )
}
