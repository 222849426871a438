import { useEffect, useState } from 'react'

type Results<T> =
  | { status: 'running' }
  | { status: 'done'; rows: ReadonlyArray<T> }
  | { status: 'failed'; message: string }

type Finished<T> = { key: string; results: Results<T> }

/**
 * Runs `run` once per item of `items` (in order, one at a time: each builds its own situation)
 * after mount, and again when `key` changes. Results of an outdated run are dropped.
 */
function useResults<I, T>(
  items: ReadonlyArray<I>,
  run: (item: I) => Promise<T>,
  key: string,
): Results<T> {
  const [finished, setFinished] = useState<Finished<T> | null>(null)
  useEffect(() => {
    let current = true
    ;(async () => {
      const rows: T[] = []
      for (const item of items) rows.push(await run(item))
      return rows
    })().then(
      (rows) => current && setFinished({ key, results: { status: 'done', rows } }),
      (error: unknown) =>
        current && setFinished({ key, results: { status: 'failed', message: String(error) } }),
    )
    return () => {
      current = false
    }
    // `key` stands for `items` and `run`: a new array from the same args must not rerun.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key])
  // Results for other args than the current ones are not shown: the new run is still going.
  return finished?.key === key ? finished.results : { status: 'running' }
}

export { useResults }
export type { Results }
