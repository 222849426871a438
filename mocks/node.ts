import { setupServer } from 'msw/node'
import { sessionHandlers } from './handlers/session'

/**
 * The mock backend in Node (unit tests): `server.listen()` in `beforeAll`, `server.resetHandlers()`
 * in `afterEach`, `server.close()` in `afterAll`. Requests need absolute URLs in Node
 * (`http://localhost/api/session`); the handlers match any origin.
 */
const server = setupServer(...sessionHandlers)

export { server }
