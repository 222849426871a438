// The expiry page's script: hydrates the server's HTML (kit-expiry-render.mjs), as a Next page
// does, so the provider takes the layout's answer as arriving with the document.
import { createElement as h } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { config } from './config.mjs'
import { ExpiryTree } from './kit-expiry-tree.mjs'

hydrateRoot(
  document.getElementById('root'),
  h(ExpiryTree, { initialSession: config.initialSession }),
)
