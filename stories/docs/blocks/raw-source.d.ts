// `import source from './file.ts?raw'` (Vite): the file's text, for docs code samples that come
// from real, type-checked files.
declare module '*?raw' {
  const source: string
  export default source
}
