export {
  DEFAULT_EXPIRY_MESSAGES,
  ExpiryToast,
  SESSION_WARNING_TOAST_ID,
} from './client/expiry-toast'
export type { ExpiryToastMessages, ExpiryToastProps } from './client/expiry-toast'

// Toast entry: re-exports only; the file it names starts with 'use client', as for client.ts.
// Apart from lib/session/client.ts because sonner injects its CSS when loaded, so bundlers keep
// it even when ExpiryToast goes unused: an app that never imports from here never ships sonner.
