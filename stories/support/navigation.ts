import { usePathname } from '@storybook/nextjs-vite/navigation.mock'
import { useSyncExternalStore } from 'react'

type StoryNavigation = { navigate: (pathname: string) => void }

// Keyed by the story's `loaded` object: beforeEach and play share one context object.
const navigationByStory = new WeakMap<object, StoryNavigation>()

/**
 * Storybook's App Router mock takes its pathname from `parameters.nextjs.navigation.pathname` and
 * never changes it. For a story's `beforeEach`: make `usePathname()` follow `navigate(path)`, as a
 * client-side navigation would. Storybook restores the mock before the next story.
 */
function mockNavigation(context: { loaded: object }, initialPathname: string): void {
  let pathname = initialPathname
  const listeners = new Set<() => void>()
  const subscribe = (listener: () => void) => {
    listeners.add(listener)
    return () => listeners.delete(listener)
  }
  const snapshot = () => pathname
  usePathname.mockImplementation(() => useSyncExternalStore(subscribe, snapshot, snapshot))
  navigationByStory.set(context.loaded, {
    navigate(next) {
      pathname = next
      listeners.forEach((listener) => listener())
    },
  })
}

/** For a play function: navigate as the app would (Link, router.push). */
function storyNavigation(context: { loaded: object; id: string }): StoryNavigation {
  const navigation = navigationByStory.get(context.loaded)
  if (!navigation)
    throw new Error(`Story ${context.id}: call mockNavigation() in its beforeEach first`)
  return navigation
}

export { mockNavigation, storyNavigation }
