import type { Decorator, Preview } from '@storybook/nextjs-vite'
import './preview.css'
import { ComponentPage } from '../stories/docs/blocks/component-page'
import { sessionKitTheme } from './theme'
import { createStore } from 'jotai'
import { mswLoader } from 'msw-storybook-addon/csf3'
import { toast, Toaster } from 'sonner'
import { sessionHandlers } from '../mocks/handlers/session'
import { SessionProvider } from '@/lib/session/client/session-provider'
import { mountAfterEffects, withEffectsRan } from '../stories/support/mount-after-effects'
import { serveSession, storyFetcher } from '../stories/support/requests'
import {
  SESSION_SCENARIOS,
  storyLayoutSession,
  storyScenario,
} from '../stories/support/session-state'
import { storyChannelName, storyInitialSession, storyStore } from '../stories/support/story-context'

/** sonner renders toasts into document.body; ExpiryToast needs one Toaster in the tree. */
const withToaster: Decorator = (Story) => (
  <>
    <Story />
    <Toaster />
  </>
)

/** Stories with `parameters.session` run under a SessionProvider on the story's own store. */
const withSessionProvider: Decorator = (Story, context) => {
  const session = context.parameters.session
  if (!session || session.decorate === false) return <Story />
  return (
    // A new toolbar value is a new page load: a fresh provider on the story's fresh store.
    <SessionProvider
      key={storyScenario(context)}
      {...session.provider}
      store={storyStore(context)}
      initialSession={storyInitialSession(context)}
      channelName={storyChannelName(context)}
      fetcher={storyFetcher(context.id, session.provider?.fetcher)}
    >
      <Story />
    </SessionProvider>
  )
}

const preview: Preview = {
  loaders: [
    mswLoader(),
    // Fresh per story, and again when the toolbar changes (Storybook reruns loaders then): no
    // session state leaks from one story, or one toolbar value, into the next.
    (context) => ({ store: createStore(), initialSession: storyLayoutSession(context) }),
  ],
  beforeEach(context) {
    // Baseline (signed in, sign-out works), then the story's state (`sessionState`, else the
    // toolbar's value), counted for storyRequests(); a story's own msw.use() runs later and wins.
    context.msw.use(...sessionHandlers)
    serveSession(context)
    // sonner keeps its toasts in a module: start and leave every story without any.
    toast.dismiss()
    return () => {
      toast.dismiss()
    }
  },
  // Last is outermost: withEffectsRan sees every effect of the story and its provider.
  decorators: [withSessionProvider, withToaster, withEffectsRan],
  // Play functions start once the story's effects ran, in a production build too.
  mount: mountAfterEffects,
  globalTypes: {
    session: {
      description:
        "The Playground stories' session: what the layout passed and what GET /api/session answers (other stories pin their own)",
      toolbar: {
        title: 'Session',
        icon: 'user',
        items: SESSION_SCENARIOS.map((value) => ({ value, title: value })),
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { session: 'authenticated' },
  parameters: {
    // The kit lives in the App Router: without this, next/navigation hooks throw.
    nextjs: { appDirectory: true },
    // Violations fail the story test, not just show in the panel.
    a11y: { test: 'error' },
    controls: { matchers: { date: /Date$/i } },
    docs: {
      // Each story on a docs page renders in its own iframe, exactly as its story view does: its
      // own loaders, MSW handlers, play function, jotai store and sonner Toaster. Rendered inline,
      // every story of a page would share one document, one set of mock handlers and one toast
      // region, and the page would show states the stories' names deny (Docs/Architecture).
      story: { inline: false, height: '240px' },
      // Every component and server helper page: description, preview, usage, install, options, states.
      page: ComponentPage,
      theme: sessionKitTheme,
    },
    options: {
      // A reader's path: what the kit is, how to wire it, how it works, then the reference.
      storySort: {
        order: [
          'Docs',
          [
            'Introduction',
            'Getting started',
            'Installation',
            'Architecture',
            'Choosing a store',
            'Testing in your CI',
            'Recipes',
          ],
          'Client',
          'Server',
        ],
      },
    },
  },
  tags: ['autodocs'],
}

export default preview
