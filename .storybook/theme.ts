import { create } from 'storybook/theming'

/**
 * The Storybook UI in the kit's name and in the reference app's light palette (app/globals.css):
 * the manager uses it (manager.ts), and docs pages can too (`parameters.docs.theme`). Text and
 * selection colours keep at least 4.5:1 on their backgrounds.
 */
const sessionKitTheme = create({
  base: 'light',
  brandTitle: 'next-session-kit',
  colorPrimary: '#0b57d0',
  colorSecondary: '#0b57d0',
  appBg: '#f6f8fa',
  appContentBg: '#ffffff',
  appPreviewBg: '#ffffff',
  appBorderColor: '#d0d7de',
  appBorderRadius: 6,
  fontBase: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
  fontCode: "ui-monospace, SFMono-Regular, Menlo, Consolas, 'Liberation Mono', monospace",
  textColor: '#1b1f24',
  textMutedColor: '#57606a',
  textInverseColor: '#ffffff',
  barBg: '#ffffff',
  barTextColor: '#57606a',
  barHoverColor: '#0b57d0',
  barSelectedColor: '#0b57d0',
  inputBg: '#ffffff',
  inputBorder: '#d0d7de',
  inputTextColor: '#1b1f24',
  inputBorderRadius: 6,
})

export { sessionKitTheme }
