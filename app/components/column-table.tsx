import type { ReactNode } from 'react'

type ColumnTableProps = {
  /** The column headings, in order; each names its column for screen readers (`scope="col"`). */
  columns: ReadonlyArray<string>
  /** The rows: one `<tr>` per entry, a `<td>` per column. */
  children: ReactNode
}

/** A table with one heading row: the app's demo accounts and its user list. */
function ColumnTable({ columns, children }: ColumnTableProps) {
  return (
    <table>
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column} scope="col">
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  )
}

export { ColumnTable }
export type { ColumnTableProps }
