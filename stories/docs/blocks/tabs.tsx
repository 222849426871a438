import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react'
import { styled } from 'storybook/theming'

type Tab = {
  /** The tab's label, also what tells it apart from its siblings. */
  label: string
  /** What the tab's panel shows. */
  content: ReactNode
}

type TabsProps = {
  /** The tab list's accessible name: "Installation". */
  label: string
  /** The tabs in order; the first is selected at first. */
  tabs: ReadonlyArray<Tab>
}

const TabList = styled.div(({ theme }) => ({
  display: 'flex',
  gap: 4,
  borderBottom: `1px solid ${theme.appBorderColor}`,
}))

const TabButton = styled.button(({ theme }) => ({
  appearance: 'none',
  background: 'none',
  border: 'none',
  borderBottom: '2px solid transparent',
  marginBottom: -1,
  padding: '8px 12px',
  cursor: 'pointer',
  font: 'inherit',
  fontSize: theme.typography.size.s2,
  fontWeight: theme.typography.weight.bold,
  color: theme.color.defaultText,
  '&[aria-selected="true"]': {
    borderBottomColor: theme.color.secondary,
    color: theme.color.secondary,
  },
  '&:hover': { color: theme.color.secondary },
  '&:focus-visible': {
    outline: `2px solid ${theme.color.secondary}`,
    outlineOffset: -2,
    borderRadius: theme.appBorderRadius,
  },
}))

const TabPanel = styled.div(({ theme }) => ({
  paddingTop: 12,
  '&:focus-visible': {
    outline: `2px solid ${theme.color.secondary}`,
    outlineOffset: 2,
    borderRadius: theme.appBorderRadius,
  },
}))

/** Which tab a key moves to from `index` of `count`, or null for any other key. */
function nextIndex(key: string, index: number, count: number): number | null {
  switch (key) {
    case 'ArrowRight':
      return (index + 1) % count
    case 'ArrowLeft':
      return (index - 1 + count) % count
    case 'Home':
      return 0
    case 'End':
      return count - 1
    default:
      return null
  }
}

/**
 * Tabs as the WAI-ARIA tabs pattern has them: one tab stop for the list (the selected tab),
 * arrow keys, Home and End move between tabs and select them (automatic activation), Tab goes on
 * to the panel. Every panel is rendered (hidden unless selected), so each tab's `aria-controls`
 * names an element that exists.
 */
function Tabs({ label, tabs }: TabsProps) {
  const id = useId()
  const [selected, setSelected] = useState(0)
  const buttons = useRef<Array<HTMLButtonElement | null>>([])
  const tabId = (index: number) => `${id}-tab-${index}`
  const panelId = (index: number) => `${id}-panel-${index}`

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    const index = nextIndex(event.key, selected, tabs.length)
    if (index === null) return
    event.preventDefault()
    setSelected(index)
    buttons.current[index]?.focus()
  }

  return (
    <div>
      <TabList role="tablist" aria-label={label}>
        {tabs.map((tab, index) => (
          <TabButton
            key={tab.label}
            ref={(button) => {
              buttons.current[index] = button
            }}
            type="button"
            role="tab"
            id={tabId(index)}
            aria-selected={index === selected}
            aria-controls={panelId(index)}
            tabIndex={index === selected ? 0 : -1}
            onClick={() => setSelected(index)}
            onKeyDown={onKeyDown}
          >
            {tab.label}
          </TabButton>
        ))}
      </TabList>
      {tabs.map((tab, index) => (
        <TabPanel
          key={tab.label}
          role="tabpanel"
          id={panelId(index)}
          aria-labelledby={tabId(index)}
          hidden={index !== selected}
          tabIndex={0}
        >
          {tab.content}
        </TabPanel>
      ))}
    </div>
  )
}

export { Tabs }
export type { Tab, TabsProps }
