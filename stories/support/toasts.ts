import { expect, userEvent, waitFor } from 'storybook/test'
import { settle } from './settle'
import { EVENTUAL_WAIT_MS } from './timing'

/** Toasts on screen: sonner renders them in document.body, outside the story's canvas. */
function visibleToasts(): HTMLElement[] {
  return [...document.body.querySelectorAll<HTMLElement>('[data-sonner-toast]')].filter(
    (toast) => toast.dataset.removed !== 'true',
  )
}

/** Waits for exactly one toast on screen, showing `text`, done with its entry animation; returns it. */
async function expectOneToast(text: string): Promise<HTMLElement> {
  await waitFor(
    () => {
      expect(visibleToasts().map((toast) => toast.textContent)).toEqual([
        expect.stringContaining(text),
      ])
      expect(visibleToasts()[0]?.dataset.mounted).toBe('true')
    },
    { timeout: EVENTUAL_WAIT_MS },
  )
  const [toast] = visibleToasts()
  if (!toast) throw new Error('expectOneToast: the toast vanished')
  return toast
}

/** Asserts that no toast is on screen, after a toast that was going to appear had its chance. */
async function expectNoToast(): Promise<void> {
  await settle()
  await expect(visibleToasts()).toHaveLength(0)
}

/**
 * For a story that ends showing a toast: the pointer rests on it. sonner closes a toast after its
 * duration (ExpiryToast's warning 4 s, its expiry toast 10 s) and pauses that while the pointer
 * is on the toasts, so the story ends showing it however long a loaded machine takes to report
 * the story finished (a docs block reported later than its story view, without the toast).
 */
async function holdToast(toast: HTMLElement): Promise<void> {
  await userEvent.hover(toast)
}

export { expectNoToast, expectOneToast, holdToast, visibleToasts }
