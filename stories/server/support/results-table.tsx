import type { ReactNode } from 'react'
import type { Results } from './use-results'

type ResultsTableColumn<T> = {
  /** Column header text; `readTableRow` keys a row's cells by it. */
  header: string
  /** The cell's content for one result. */
  cell: (row: T) => ReactNode
}

type ResultsTableProps<T> = {
  /** The table's accessible name, shown above it. */
  caption: string
  /** The first column: its cells are row headers (`<th scope="row">`), what a row is found by. */
  rowHeader: ResultsTableColumn<T>
  /** The other columns, in order. */
  columns: ReadonlyArray<ResultsTableColumn<T>>
  /** What `useResults` returned: rows once done, busy while running, an alert when it failed. */
  results: Results<T>
  /** A row's React key: unique per result. */
  rowKey: (row: T) => string
  /** What failed, before the error message: "The proxy threw". */
  failure: string
}

/**
 * The one results table of the server stories: a caption, column headers with `scope="col"`,
 * one row header per row, and `aria-busy` until the results are in, so a screen reader (and a
 * play function) knows when it can read it.
 */
function ResultsTable<T>({
  caption,
  rowHeader,
  columns,
  results,
  rowKey,
  failure,
}: ResultsTableProps<T>) {
  if (results.status === 'failed') {
    return (
      <p role="alert">
        {failure}: {results.message}
      </p>
    )
  }
  return (
    <table aria-busy={results.status === 'running'}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          {[rowHeader, ...columns].map(({ header }) => (
            <th scope="col" key={header}>
              {header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {results.status === 'done' &&
          results.rows.map((row) => (
            <tr key={rowKey(row)}>
              <th scope="row">{rowHeader.cell(row)}</th>
              {columns.map(({ header, cell }) => (
                <td key={header}>{cell(row)}</td>
              ))}
            </tr>
          ))}
      </tbody>
    </table>
  )
}

export { ResultsTable }
export type { ResultsTableColumn, ResultsTableProps }
