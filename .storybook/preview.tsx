import type { Decorator, Preview } from '@storybook/nextjs-vite'
import './preview.css'
import { createStore } from 'jotai'
import { mswLoader } from 'msw-storybook-addon/csf3'
import { toast, Toaster } from 'sonner'
import { sessionHandlers, sessionScenarios, type SessionScenario } from '../mocks/handlers/session'
import { SessionProvider } from '@/lib/session/client/session-provider'
import { mountAfterEffects, withEffectsRan } from '../stories/support/mount-after-effects'
import { storyChannelName, storyInitialSession, storyStore } from '../stories/support/story-context'

const SESSION_SCENARIOS = Object.keys(sessionScenarios) as SessionScenario[]

function isSessionScenario(value: unknown): value is SessionScenario {
  return SESSION_SCENARIOS.includes(value as SessionScenario)
}

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
    <SessionProvider
      {...session.provider}
      store={storyStore(context)}
      initialSession={storyInitialSession(context)}
      channelName={storyChannelName(context)}
    >
      <Story />
    </SessionProvider>
  )
}

const preview: Preview = {
  loaders: [
    mswLoader(),
    // Fresh per story: no session state leaks from one story into the next.
    ({ parameters }) => ({
      store: createStore(),
      initialSession: parameters.session?.initialSession?.() ?? null,
    }),
  ],
  beforeEach({ msw, globals }) {
    const scenario: unknown = globals.session ?? 'authenticated'
    if (!isSessionScenario(scenario)) {
      throw new Error(
        `Toolbar "Session": unknown scenario ${String(scenario)}; one of ${SESSION_SCENARIOS.join(', ')}`,
      )
    }
    // Baseline (signed in, sign-out works), then the toolbar's choice; a story's own
    // msw.use() in its beforeEach runs later and wins over both.
    msw.use(...sessionHandlers)
    msw.use(sessionScenarios[scenario])
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
        'What the mocked GET /api/session answers (stories with their own scenario keep it)',
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
