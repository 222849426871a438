// Types for readme-manual-copy.mjs, which TypeScript files (test/registry.test.ts) import.
declare function manualCopySectionProblem(root: string): Promise<string | null>
declare function writeManualCopySection(root: string): Promise<void>

export { manualCopySectionProblem, writeManualCopySection }
