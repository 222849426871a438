// Stands in for `server-only` when kit server code runs in plain node (as the root unit tests do).
export {}
