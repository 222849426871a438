import { useEffect, useState } from 'react'

type Results<T> =
  | { status: 'running' }
  | { status: 'done'; rows: ReadonlyArray<T> }
  | { status: 'failed'; message: string }

/**
 * Runs `run` once per item of `items` (in order, one at a time: each builds its own situation)
 * after mount, and again when `key` changes. Results of an outdated run are dropped.
 */
function useResults<I, T>(items: ReadonlyArray<I>, run: (item: I) => Promise<T>, key: string): Results<T> {
  const [results, setResults] = useState<Results<T>>({ status: 'running' })
  useEffect(() => {
    let current = true
    setResults({ status: 'running' })
    ;(async () => {
      const rows: T[] = []
      for (const item of items) rows.push(await run(item))
      return rows
    })().then(
      (rows) => current && setResults({ status: 'done', rows }),
      (error: unknown) => current && setResults({ status: 'failed', message: String(error) }),
    )
    return () => {
      current = false
    }
    // `key` stands for `items` and `run`: a new array from the same args must not rerun.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key])
  return results
}

export { useResults }
export type { Results }
