import type { Decorator, Preview } from '@storybook/nextjs-vite'
import { useEffect } from 'react'

type EffectsRan = { promise: Promise<void>; resolve: () => void }

// One "effects ran" promise per story render, keyed by its `loaded` object (the loaders' result,
// shared by beforeEach, the decorators, mount and play).
const effectsRanByStory = new WeakMap<object, EffectsRan>()

function effectsRan(context: { loaded: object }): EffectsRan {
  const known = effectsRanByStory.get(context.loaded)
  if (known) return known
  let resolve = () => {}
  const promise = new Promise<void>((done) => (resolve = done))
  const ran = { promise, resolve }
  effectsRanByStory.set(context.loaded, ran)
  return ran
}

/**
 * How long mount waits for the story's effects (ms) before giving up: the story threw instead.
 * 10 s: a docs page loads a dozen story iframes at once, and on a loaded machine a first commit's
 * effects took over 2 s; a play function started before them missed its `online` event. Only a
 * story that never commits waits this long.
 */
const EFFECTS_WAIT_MS = 10_000

function EffectsRanSignal({ onRan }: { onRan: () => void }) {
  // Passive effects run children first, siblings in order: this one runs after the story's.
  useEffect(onRan, [onRan])
  return null
}

/** Outermost decorator: signals once the first commit's effects (listeners, timers) have run. */
const withEffectsRan: Decorator = (Story, context) => (
  <>
    <Story />
    <EffectsRanSignal onRan={effectsRan(context).resolve} />
  </>
)

/**
 * The story's mount: render, then wait until its effects have run, so a play function starts
 * with the SessionProvider already listening for `online`, `focus` and other tabs. Storybook's
 * own mount waits for that only in development, where it renders inside React's `act()`; in a
 * production build (`storybook build`: React has no `act`) the play function started right after
 * the first commit, before React ran its effects, and the `online` event it fired was never heard
 * (ServerError, RateLimited, NetworkError, Malformed, Timeout, FocusStorm, StaleAnswerDropped and
 * SignedOutInAnotherTab failed there). Takes no argument: no story here passes `mount` its own JSX.
 */
const mountAfterEffects: Preview['mount'] = (context) => async () => {
  await context.renderToCanvas()
  await Promise.race([
    effectsRan(context).promise,
    new Promise((resolve) => setTimeout(resolve, EFFECTS_WAIT_MS)),
  ])
  return context.canvas
}

export { mountAfterEffects, withEffectsRan }
