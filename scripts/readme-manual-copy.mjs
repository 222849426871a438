// The README's manual path ("Without shadcn"): the install command, the copy commands and the
// constants an app changes, written between two markers from manualCopy(), never by hand. The
// registry test fails when the README's block is not what this writes; so does the install
// test, which runs the same command and copy commands in a fresh app.
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import prettier from 'prettier'
import { copyScript, manualCopy } from './manual-copy.mjs'

const START =
  '<!-- manual-copy:start (written by node scripts/write-readme-manual-copy.mjs from registry.json) -->'
const END = '<!-- manual-copy:end -->'
const WRITE_COMMAND = 'node scripts/write-readme-manual-copy.mjs'

const code = (text) => `\`${text}\``
const list = (words) =>
  words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`
/** Markdown lines as the body of a `1. ` list item. */
const inItem = (lines) => lines.map((line) => (line === '' ? '' : `   ${line}`))
const fenced = (text) => ['```bash', ...text.split('\n'), '```']
const major = (version) => version.replace(/^\D+/, '').split('.')[0]

function engineSentences({ engineNotes, app }) {
  return engineNotes.map(
    ({ name, version, node }) =>
      `Keep these ranges: ${name} ${version} declares Node ${code(node)} in its \`engines\`. On ` +
      `Node ${major(app.node)} (the kit's floor is ${code(app.node)}), npm warns \`EBADENGINE\` ` +
      `and installs it anyway, and the kit works; a bare \`npm install ${name}\` picks an older ` +
      'major there, which the files do not compile with. With `engine-strict=true` in your ' +
      '`.npmrc`, add `--engine-strict=false`.',
  )
}

/** The block's markdown, before prettier. */
function renderBlock(copy) {
  const templates = copy.items
    .flatMap((item) => item.files)
    .filter((file) => !file.path.startsWith('src/'))
    .map((file) => code(file.target))
  const extras = copy.extras.map(
    (extra) => `${code(extra.name)} (needs ${list(extra.devDependencies.map(code))})`,
  )
  const constants = copy.constants.map(({ name, value }) => `${code(name)} (${code(value)})`)
  const optional = copy.optional.map(
    (item) =>
      `${item.title}, in place of the SQLite file: copy ${code(item.name)}'s files (` +
      `${list(item.files.map((file) => code(`${file.path} -> ${file.target}`)))}), run ` +
      `${code(`npm install ${item.dependencies.join(' ')}`)}, then make it the store in ` +
      '`lib/session/revocation.ts` (one line, shown there).',
  )
  return [
    `For an app on Next.js ${major(copy.app.next)} and React ${major(copy.app.react)} ` +
      `(tested with next ${copy.app.next} and react ${copy.app.react}), from the app's folder:`,
    '',
    '1. Install the runtime packages, in the ranges `shadcn add` installs (the tested version, ' +
      'same major):',
    '',
    ...inItem([...fenced(copy.installCommand), '', ...engineSentences(copy)]),
    '',
    `2. Copy the runtime items' files (${list(copy.items.map((item) => code(item.name)))}), ` +
      'with `KIT` set to the folder of a checkout of this repo:',
    '',
    ...inItem([
      ...fenced(copyScript(copy)),
      '',
      `${list(templates)} are templates, yours to edit.`,
    ]),
    '',
    `3. If your login page or your signed-in landing page is elsewhere, change ${list(constants)} ` +
      'in `lib/session/shared/constants.ts`: the proxy, `verifySession()`, `SessionProvider`, ' +
      '`SessionGate` and the `signOut` action all default to them.',
    '',
    ...optional.flatMap((sentence) => [sentence, '']),
    `Leave out ${list(extras)}: they are not part of what the app runs. The first is one MSW ` +
      'scenario per session state, the second the helpers the play functions use: both for your ' +
      'own Storybook and its interaction tests (Storybook\'s "Docs/Testing in your CI").',
  ].join('\n')
}

/** The block as the README holds it: prettier-formatted, prose wrapped like the rest of the README. */
async function formattedBlock(root) {
  const file = path.join(root, 'README.md')
  const options = (await prettier.resolveConfig(file)) ?? {}
  return (
    await prettier.format(renderBlock(manualCopy(root)), {
      ...options,
      parser: 'markdown',
      proseWrap: 'always',
    })
  ).trim()
}

function blockBounds(readme) {
  const start = readme.indexOf(START)
  const end = readme.indexOf(END)
  if (start === -1 || end < start) {
    throw new Error(`README.md: the manual copy needs the markers ${START} and ${END}`)
  }
  return { from: start + START.length, to: end }
}

/** Null when the README's manual-copy block is what manualCopy() makes, else what to run. */
async function manualCopySectionProblem(root) {
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8')
  const { from, to } = blockBounds(readme)
  return readme.slice(from, to).trim() === (await formattedBlock(root))
    ? null
    : `README.md's manual copy is not what registry.json and package.json say: run ${WRITE_COMMAND}`
}

/** Rewrites the README's manual-copy block (only the text between the markers). */
async function writeManualCopySection(root) {
  const file = path.join(root, 'README.md')
  const readme = readFileSync(file, 'utf8')
  const { from, to } = blockBounds(readme)
  const block = await formattedBlock(root)
  writeFileSync(file, `${readme.slice(0, from)}\n\n${block}\n\n${readme.slice(to)}`)
}

export { manualCopySectionProblem, writeManualCopySection }
