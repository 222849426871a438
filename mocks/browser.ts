import { setupWorker } from 'msw/browser'
import { sessionHandlers } from './handlers/session'

/** The mock backend in a browser (Storybook, a dev page): `await worker.start()` first. */
const worker = setupWorker(...sessionHandlers)

export { worker }
