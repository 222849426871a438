'use client'
import type { Atom, Store } from 'jotai/vanilla'
import { useCallback, useSyncExternalStore } from 'react'

/**
 * `atom`'s value in `store`, re-rendering when it changes: jotai's `useAtomValue` for the kit's
 * own synchronous atoms, without its promise handling (about 470 B gzip less in the bundle).
 * Apps still read the atoms with jotai's hooks: `SessionProvider` mounts jotai's `Provider`.
 */
function useStoreValue<Value>(store: Store, atom: Atom<Value>): Value {
  const subscribe = useCallback((onChange: () => void) => store.sub(atom, onChange), [store, atom])
  const read = () => store.get(atom)
  // The same read on the server: the provider's store already holds the layout's answer.
  return useSyncExternalStore(subscribe, read, read)
}

export { useStoreValue }
