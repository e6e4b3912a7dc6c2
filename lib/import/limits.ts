/**
 * What an import accepts at most. A real s6 tree is a few hundred small text files, and the
 * largest design the designer takes (5,000 services, parse.ts) exports about 50,000 files and
 * folders; these bounds leave room for that while keeping a hostile archive from using the
 * page's memory (a zip bomb, millions of entries): the bytes stay bounded whatever the count.
 */
export interface ImportLimits {
  /** Entries in a zip (files, folders, links) or files in a folder. */
  maxEntries: number
  /** Bytes of all files together, once unpacked. */
  maxBytes: number
  /** Bytes of any one file, once unpacked. */
  maxFileBytes: number
  /** Bytes of a dropped zip or JSON file itself. */
  maxInputBytes: number
  /** Characters of one path. */
  maxPathLength: number
}

export const IMPORT_LIMITS: Readonly<ImportLimits> = {
  maxEntries: 60_000,
  maxBytes: 20 * 1024 * 1024,
  maxFileBytes: 1024 * 1024,
  maxInputBytes: 20 * 1024 * 1024,
  maxPathLength: 1_024,
}

/** `20971520` -> `20 MB`, `1536` -> `1.5 KB`, `20971521` -> `20.0 MB`: sizes in messages. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} byte${n === 1 ? '' : 's'}`
  const units = ['KB', 'MB', 'GB', 'TB']
  let value = n / 1024
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  const shown = value >= 100 || Number.isInteger(value) ? Math.round(value) : value.toFixed(1)
  return `${shown} ${units[unit]}`
}
