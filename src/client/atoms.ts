'use client'
import { atom } from 'jotai/vanilla'
import { sessionUser } from './client-session'
import type { ClientSession } from '../shared/types'

/**
 * The session as the client knows it. Read it from the store `SessionProvider` mounts (never
 * jotai's default store: a module-wide store would leak one user's session into another's render
 * on the server, and one story's state into the next).
 */
const sessionAtom = atom<ClientSession>({ status: 'loading' })

/** The signed-in user, or null: components that only show the user re-render only when it changes. */
const userAtom = atom((get) => sessionUser(get(sessionAtom)))

/** Just the status (`loading`, `authenticated`, ...): stable across errors and re-checks. */
const sessionStatusAtom = atom((get) => get(sessionAtom).status)

export { sessionAtom, sessionStatusAtom, userAtom }
