import type { ReactNode } from 'react'
import { useResults } from './use-results'

type ResultsTableColumn<T> = {
  /** Column header text; `readTableRow` keys a row's cells by it. */
  header: string
  /** The cell's content for one result. */
  cell: (row: T) => ReactNode
}

/** What one server table is: how it runs an item, and how it shows the results. */
type ResultsTableSpec<I, T> = {
  /** The table's accessible name, shown above it. */
  caption: string
  /** The first column: its cells are row headers (`<th scope="row">`), what a row is found by. */
  rowHeader: ResultsTableColumn<T>
  /** The other columns, in order. */
  columns: ReadonlyArray<ResultsTableColumn<T>>
  /** Runs the kit's real helper for one item (one row's situation). */
  run: (item: I) => Promise<T>
  /** The items' identity: a new array with the same key (a re-render) does not run them again. */
  itemsKey: (items: ReadonlyArray<I>) => string
  /** A row's React key: unique per result. */
  rowKey: (row: T) => string
  /** What failed, before the error message: "The proxy threw". */
  failure: string
}

type ResultsTableProps<I, T> = ResultsTableSpec<I, T> & {
  /** The items to run, in order, one row each. */
  items: ReadonlyArray<I>
}

/**
 * The one results table of the server stories: runs each item after mount (`useResults`), then
 * shows a caption, column headers with `scope="col"`, one row header per row, and `aria-busy`
 * until the results are in, so a screen reader (and a play function) knows when it can read it.
 */
function ResultsTable<I, T>({
  items,
  caption,
  rowHeader,
  columns,
  run,
  itemsKey,
  rowKey,
  failure,
}: ResultsTableProps<I, T>) {
  const results = useResults(items, run, itemsKey(items))
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

/**
 * A server story's table component: `itemsProp` names its one prop (`steps`, `states`, `cases`),
 * the items its stories pass as args; `spec` says how to run and show them.
 */
function resultsTable<Prop extends string, I, T>(itemsProp: Prop, spec: ResultsTableSpec<I, T>) {
  function ServerResultsTable(props: Readonly<Record<Prop, ReadonlyArray<I>>>) {
    return <ResultsTable {...spec} items={props[itemsProp]} />
  }
  return ServerResultsTable
}

export { resultsTable }
export type { ResultsTableColumn, ResultsTableSpec }
