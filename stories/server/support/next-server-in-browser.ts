// next/server bundles a compiled ua-parser-js that reads the Node global `__dirname` when it
// loads. Browsers have no such global, so importing next/server (and the kit's proxy, which
// uses NextRequest / NextResponse) throws "__dirname is not defined" in Storybook. ua-parser
// only uses it to locate files it never reads in the browser; any string will do. Import this
// module before anything that imports next/server.
const globals = globalThis as typeof globalThis & { __dirname?: string }
globals.__dirname ??= '/'

export {}
