import { expect, waitFor, within } from 'storybook/test'

/**
 * The cells of the row whose row header is exactly `rowName`, keyed by column header text.
 * Waits until the table has finished running (`aria-busy` false) first.
 */
async function readTableRow(
  canvasElement: HTMLElement,
  rowName: string,
): Promise<Record<string, string>> {
  const canvas = within(canvasElement)
  const table = await canvas.findByRole('table')
  await waitFor(() => expect(table).toHaveAttribute('aria-busy', 'false'))
  const columns = within(table)
    .getAllByRole('columnheader')
    .map((header) => header.textContent ?? '')
  const rowHeader = within(table).getByRole('rowheader', { name: rowName })
  const row = rowHeader.closest('tr')
  if (!row) throw new Error(`readTableRow: no row for ${rowName}`)
  const cells = [...row.children].map((cell) => cell.textContent ?? '')
  return Object.fromEntries(columns.map((column, index) => [column, cells[index] ?? '']))
}

/** How many body rows the table shows (after it has finished running). */
async function countTableRows(canvasElement: HTMLElement): Promise<number> {
  const table = await within(canvasElement).findByRole('table')
  await waitFor(() => expect(table).toHaveAttribute('aria-busy', 'false'))
  return within(table).getAllByRole('rowheader').length
}

export { countTableRows, readTableRow }
