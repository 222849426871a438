// CPU time a process and its descendants have used so far, from /proc (Linux only): utime +
// stime of each live process in the tree, all its threads included (libuv's threadpool, where
// WebCrypto and zlib work runs). `next start` 16 serves from the one process it starts
// (checked: no children), but a fork would be counted too rather than silently missed.
import { readFileSync } from 'node:fs'

const TICKS_PER_SECOND = 100 // USER_HZ: /proc reports CPU time in 1/100 s on Linux

/** Fields after the command name, which is in parentheses and may itself hold spaces. */
function statFields(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')
}

function childPids(pid) {
  const tasks = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim()
  return tasks === '' ? [] : tasks.split(' ').map(Number)
}

/** ms of CPU (user + system) used by `pid` and every live descendant. */
function processTreeCpuMs(pid) {
  const fields = statFields(pid)
  // utime and stime are fields 14 and 15 of /proc/<pid>/stat; fields[0] here is field 3.
  const ticks = Number(fields[11]) + Number(fields[12])
  const own = (ticks * 1000) / TICKS_PER_SECOND
  return childPids(pid).reduce((sum, child) => sum + processTreeCpuMs(child), own)
}

export { processTreeCpuMs }
