'use client'
import { ExpiryToast, type ExpiryToastMessages } from '@/lib/session/toast'

const LOCALES = ['en', 'de', 'fr'] as const
type Locale = (typeof LOCALES)[number]

const MINUTE_MS = 60_000
/** Warn two minutes (in ms) before the session ends. */
const WARN_BEFORE_MS = 2 * MINUTE_MS

/** "in 2 minutes", "in 2 Minuten", "dans 2 minutes": plural rules come from the browser's Intl. */
function inMinutes(locale: Locale, msLeft: number): string {
  const minutes = Math.max(1, Math.ceil(msLeft / MINUTE_MS))
  return new Intl.RelativeTimeFormat(locale, { numeric: 'always' }).format(minutes, 'minute')
}

// Built once, at module level, and never changed: ExpiryToast re-arms its warning timer when the
// `warning` function changes, so a new object per render would re-arm it on every render.
// English needs no entry of its own: keys left out keep the kit's English defaults.
const EXPIRY_MESSAGES: Record<Locale, Partial<ExpiryToastMessages>> = {
  en: {},
  de: {
    expired: 'Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.',
    invalid: 'Ihre Sitzung ist nicht mehr gültig. Bitte melden Sie sich erneut an.',
    revoked: 'Ihr Zugang wurde gesperrt. Bitte melden Sie sich erneut an.',
    warning: (msLeft) => `Ihre Sitzung läuft ${inMinutes('de', msLeft)} ab.`,
    signIn: 'Anmelden',
  },
  fr: {
    expired: 'Votre session a expiré. Veuillez vous reconnecter.',
    invalid: "Votre session n'est plus valide. Veuillez vous reconnecter.",
    revoked: 'Votre accès a été révoqué. Veuillez vous reconnecter.',
    warning: (msLeft) => `Votre session expire ${inMinutes('fr', msLeft)}.`,
    signIn: 'Se connecter',
  },
}

function isLocale(value: string): value is Locale {
  return LOCALES.some((locale) => locale === value)
}

type LocalizedExpiryToastProps = {
  /** The page's language, e.g. the `[lang]` route segment; an unknown one is an error. */
  locale: string
}

/** ExpiryToast in the visitor's language, with an early warning. Render it instead of ExpiryToast. */
function LocalizedExpiryToast({ locale }: LocalizedExpiryToastProps) {
  if (!isLocale(locale)) {
    throw new RangeError(
      `LocalizedExpiryToast: no messages for locale ${JSON.stringify(locale)}; one of ${LOCALES.join(', ')}`,
    )
  }
  return <ExpiryToast warnBefore={WARN_BEFORE_MS} messages={EXPIRY_MESSAGES[locale]} />
}

export { EXPIRY_MESSAGES, LocalizedExpiryToast }
