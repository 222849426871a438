// React, ReactDOM and Next are on every Next.js page already: no candidate is charged for them.
const FRAMEWORK_EXTERNALS = ['react', 'react/*', 'react-dom', 'react-dom/*', 'next', 'next/*']

export { FRAMEWORK_EXTERNALS }
