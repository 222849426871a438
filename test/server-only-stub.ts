// Stands in for `server-only` in the node test project: there is no client bundle to guard there.
export {}
