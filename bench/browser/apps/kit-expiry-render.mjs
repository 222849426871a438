// The expiry page's server render: the same tree the page hydrates (kit-expiry-app.mjs).
import { createElement as h } from 'react'
import { renderToString } from 'react-dom/server'
import { ExpiryTree } from './kit-expiry-tree.mjs'

/** HTML of the tree for `initialSession` (the kit route's answer). */
function renderExpiryTree(initialSession) {
  return renderToString(h(ExpiryTree, { initialSession }))
}

export { renderExpiryTree }
