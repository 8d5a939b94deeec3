import { isAbsolute, join } from 'node:path'

/**
 * What a process did to files, read from `strace -f -y -xx` output: every file it wrote, and the bytes of every
 * write, including files that were deleted (or renamed away) before anyone could look at them on disk.
 */

/** The syscalls `fileTraceArguments` asks strace for: opens, moves, deletions, and every way to write. */
const TRACED_SYSCALLS = [
  '?open',
  'openat',
  '?openat2',
  '?creat',
  '?rename',
  'renameat',
  '?renameat2',
  '?link',
  'linkat',
  '?unlink',
  'unlinkat',
  'write',
  'pwrite64',
  'writev',
  'pwritev',
  '?pwritev2',
  'copy_file_range',
  'sendfile',
  'splice',
  'mmap',
  'io_uring_setup',
  'fsync',
  'fdatasync',
  '?sync_file_range',
]

/** The largest single write the trace shows whole; a longer one fails the scan instead of being cut short. */
const MAX_SHOWN_BYTES = 64 * 1024 * 1024

/** strace options (before the command) that record what `parseFileTrace` reads, into `logFile`. */
export function fileTraceArguments(logFile: string): string[] {
  return [
    '-f',
    '-qq',
    '--seccomp-bpf',
    '-y',
    '-xx',
    '-s',
    String(MAX_SHOWN_BYTES),
    '-e',
    'signal=none',
    '-e',
    `trace=${TRACED_SYSCALLS.join(',')}`,
    '-o',
    logFile,
  ]
}

export type TWrite = {
  /** The file's path when it was written (strace's view of the descriptor). */
  path: string
  /** Order among the trace's events, to follow later renames. */
  at: number
  bytes: Buffer
}

export type TMove = { from: string; to: string; at: number; kind: 'rename' | 'link' }

/** An fsync or fdatasync of a file or folder: what makes written bytes and names survive power loss. */
export type TSync = { path: string; at: number; call: string }

export type TFileTrace = {
  /** Every file opened for writing, created, renamed or linked into place, mapped writable, or copied into. */
  touched: Set<string>
  writes: TWrite[]
  moves: TMove[]
  syncs: TSync[]
  deleted: Set<string>
  /** Files written in ways whose bytes the trace cannot show (a shared writable mapping, a kernel-side copy). */
  unseenWrites: Set<string>
  /** Lines the parser could not account for: a cut-off write, io_uring in use. A scan with problems fails. */
  problems: string[]
}

const HEX_STRING = /"((?:\\x[0-9a-f]{2})*)"(\.\.\.)?/g
const DESCRIPTOR = /^(-?\d+|AT_FDCWD)<((?:\\x[0-9a-f]{2})*)>(\(deleted\))?$/

const decode = (escaped: string): Buffer => Buffer.from(escaped.replaceAll('\\x', ''), 'hex')

/** Splits a syscall's argument list at top-level commas (strings hold only \x escapes, so no comma hides inside). */
function splitArguments(text: string): string[] {
  const parts: string[] = []
  let depth = 0
  let start = 0
  for (let index = 0; index < text.length; index++) {
    const char = text[index]
    if (char === '[' || char === '{') depth += 1
    else if (char === ']' || char === '}') depth -= 1
    else if (char === ',' && depth === 0) {
      parts.push(text.slice(start, index).trim())
      start = index + 1
    }
  }
  parts.push(text.slice(start).trim())
  return parts
}

/** The path behind `fd<…>`, or null for pipes, sockets, devices and anonymous files. */
function descriptorPath(argument: string | undefined): string | null {
  const match = DESCRIPTOR.exec(argument ?? '')
  if (match === null) return null
  const path = decode(match[2]!).toString('utf8')
  return isFilePath(path) ? path : null
}

/** Regular files only: not pipes, sockets, /dev (except /dev/shm), /proc or /sys. */
const isFilePath = (path: string): boolean =>
  path.startsWith('/') &&
  !/^\/(proc|sys)\//.test(path) &&
  (!path.startsWith('/dev/') || path.startsWith('/dev/shm/'))

/** A path argument ("…"), resolved against its directory descriptor or the working directory. */
function pathArgument(argument: string | undefined, directory: string | null, cwd: string): string | null {
  const match = /^"((?:\\x[0-9a-f]{2})*)"$/.exec(argument ?? '')
  if (match === null) return null
  const path = decode(match[1]!).toString('utf8')
  return isAbsolute(path) ? path : join(directory ?? cwd, path)
}

const directoryOf = (argument: string | undefined): string | null => {
  const match = DESCRIPTOR.exec(argument ?? '')
  return match === null ? null : decode(match[2]!).toString('utf8')
}

const UNFINISHED = ' <unfinished ...>'

/** The syscall's name and its argument text, or null for lines that are not a call ("<... resumed>", exits). */
function splitCall(line: string): { name: string; argumentText: string } | null {
  const head = /^\d+ +([a-z_0-9]+)\(/.exec(line.slice(0, 64))
  if (head === null) return null
  const start = head[0].length
  const end = line.endsWith(UNFINISHED) ? line.length - UNFINISHED.length : line.lastIndexOf(') = ')
  return end < start ? null : { name: head[1]!, argumentText: line.slice(start, end) }
}

const WRITE_INTENT = /O_WRONLY|O_RDWR|O_CREAT|O_TRUNC|O_APPEND/

export function parseFileTrace(log: string, cwd: string): TFileTrace {
  const trace: TFileTrace = {
    touched: new Set(),
    writes: [],
    moves: [],
    syncs: [],
    deleted: new Set(),
    unseenWrites: new Set(),
    problems: [],
  }
  let at = 0
  for (const line of log.split('\n')) {
    at += 1
    // "PID name(args…) = result", or "PID name(args… <unfinished ...>" when another thread interleaved; the
    // arguments (all this parser needs) are on the first line either way, so "<... name resumed>" lines are skipped.
    const call = splitCall(line)
    if (call === null) continue
    const { name, argumentText } = call
    const args = splitArguments(argumentText)
    switch (name) {
      case 'write':
      case 'pwrite64':
      case 'writev':
      case 'pwritev':
      case 'pwritev2': {
        const path = descriptorPath(args[0])
        if (path === null) break
        const rest = argumentText.slice(args[0]!.length)
        for (const match of rest.matchAll(HEX_STRING)) {
          if (match[2] !== undefined)
            trace.problems.push(`a write to ${path} was longer than the trace shows`)
          trace.writes.push({ path, at, bytes: decode(match[1]!) })
        }
        trace.touched.add(path)
        break
      }
      case 'open':
      case 'creat':
      case 'openat':
      case 'openat2': {
        const hasDirectory = name === 'openat' || name === 'openat2'
        const path = pathArgument(args[hasDirectory ? 1 : 0], hasDirectory ? directoryOf(args[0]) : null, cwd)
        const flags = name === 'creat' ? 'O_CREAT' : (args[hasDirectory ? 2 : 1] ?? '')
        if (path !== null && isFilePath(path) && WRITE_INTENT.test(flags)) trace.touched.add(path)
        break
      }
      case 'rename':
      case 'link':
      case 'renameat':
      case 'renameat2':
      case 'linkat': {
        const hasDirectory = name.endsWith('at') || name === 'renameat2'
        const from = hasDirectory
          ? pathArgument(args[1], directoryOf(args[0]), cwd)
          : pathArgument(args[0], null, cwd)
        const to = hasDirectory
          ? pathArgument(args[3], directoryOf(args[2]), cwd)
          : pathArgument(args[1], null, cwd)
        if (from === null || to === null) break
        trace.moves.push({ from, to, at, kind: name.startsWith('link') ? 'link' : 'rename' })
        if (isFilePath(to)) trace.touched.add(to)
        break
      }
      case 'unlink':
      case 'unlinkat': {
        const path =
          name === 'unlink'
            ? pathArgument(args[0], null, cwd)
            : pathArgument(args[1], directoryOf(args[0]), cwd)
        if (path !== null) trace.deleted.add(path)
        break
      }
      case 'mmap': {
        const path = descriptorPath(args[4])
        if (path !== null && /MAP_SHARED/.test(args[3] ?? '') && /PROT_WRITE/.test(args[2] ?? '')) {
          trace.unseenWrites.add(path)
          trace.touched.add(path)
        }
        break
      }
      case 'copy_file_range':
      case 'splice':
      case 'sendfile': {
        const path = descriptorPath(name === 'sendfile' ? args[0] : args[2])
        if (path !== null) {
          trace.unseenWrites.add(path)
          trace.touched.add(path)
        }
        break
      }
      case 'fsync':
      case 'fdatasync':
      case 'sync_file_range': {
        const match = DESCRIPTOR.exec(args[0] ?? '')
        if (match !== null) trace.syncs.push({ path: decode(match[2]!).toString('utf8'), at, call: name })
        break
      }
      case 'io_uring_setup':
        if (!/= -1 /.test(line))
          trace.problems.push('the process set up io_uring, whose writes the trace cannot see')
        break
    }
  }
  return trace
}

/** Where a file written at event `at` ended up: its path after every later rename (of it or of a folder above it). */
export function finalPath(trace: TFileTrace, path: string, at: number): string {
  let current = path
  for (const move of trace.moves) {
    if (move.at <= at || move.kind !== 'rename') continue
    if (current === move.from) current = move.to
    else if (current.startsWith(`${move.from}/`)) current = move.to + current.slice(move.from.length)
  }
  return current
}
