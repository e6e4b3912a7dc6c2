/**
 * Byte-level readers for the small s6-rc files, each doing what s6-rc-compile 0.5.4.1 does
 * with the same bytes (FORMAT §1; skarnet/s6-rc `src/s6-rc/s6-rc-compile.c`).
 */
import { BOM, decodeText } from './tree-input'
import type { ServiceType } from './types'

const LF = 0x0a
const TYPES: readonly ServiceType[] = ['oneshot', 'longrun', 'bundle']

export type TypeRead =
  | { ok: true; type: ServiceType; trailing: boolean }
  | { ok: false; shown: string; guess?: ServiceType; crlf: boolean; bom: boolean }

/** Printable form of a short byte string, for messages: "longrun\r" shows as `longrun\r`. */
export function showBytes(text: string): string {
  return JSON.stringify(text).slice(1, -1).replaceAll(BOM, '\\ufeff')
}

/**
 * Reads a `type` file: s6-rc-compile reads at most 8 bytes, drops one trailing LF and wants an
 * exact, case-sensitive `oneshot`, `longrun` or `bundle`. `trailing` is set when bytes after
 * those 8 were ignored. On failure, `guess` is what the author obviously meant, if anything.
 */
export function readTypeFile(bytes: Uint8Array): TypeRead {
  let head = bytes.subarray(0, 8)
  if (head.length > 0 && head[head.length - 1] === LF) head = head.subarray(0, head.length - 1)
  const text = String.fromCharCode(...head)
  const match = TYPES.find((t) => t === text)
  if (match) return { ok: true, type: match, trailing: bytes.length > 8 }
  const full = decodeText(bytes)
  // trim() also drops a byte-order mark, so the guess sees the word the author wrote.
  const cleaned = full.trim().toLowerCase()
  const guess = TYPES.find((t) => t === cleaned)
  return {
    ok: false,
    shown: showBytes(full.slice(0, 40)),
    guess,
    crlf: full.includes('\r'),
    bom: full.startsWith(BOM),
  }
}

/**
 * Reads a name-list file (`dependencies`, `contents`, `producer-for`, `consumer-for`,
 * `pipeline-name`): one name per line, leading blanks dropped, trailing blanks kept, empty
 * lines and `#` lines skipped, duplicates listed once.
 */
export function readNameList(text: string): string[] {
  const names: string[] = []
  for (const line of text.split('\n')) {
    const name = line.replace(/^[ \t]+/, '')
    if (name === '' || name.startsWith('#')) continue
    if (!names.includes(name)) names.push(name)
  }
  return names
}

const UINT32_MAX = 4294967295

function uint32(text: string): number | undefined {
  if (!/^[0-9]+$/.test(text)) return undefined
  const value = Number(text)
  return value <= UINT32_MAX ? value : undefined
}

/**
 * Reads `timeout-up` / `timeout-down`: trailing LFs are dropped, then it must be all digits
 * and fit 32 bits. An empty file counts as absent, like s6-rc-compile's `read_timeout`.
 * Returns null when invalid.
 */
export function readTimeoutFile(bytes: Uint8Array): number | undefined | null {
  if (bytes.length === 0) return undefined
  const text = decodeText(bytes.subarray(0, 63)).replace(/\n+$/, '')
  return uint32(text) ?? null
}

/**
 * Reads the servicedir numbers s6 parses up to the first LF (`notification-fd`, `lock-fd`,
 * `timeout-kill`, `timeout-finish`, `max-death-tally`): digits only. Null when invalid.
 */
export function readFirstLineNumber(bytes: Uint8Array): number | null {
  const text = decodeText(bytes)
  const nl = text.indexOf('\n')
  return uint32(nl < 0 ? text : text.slice(0, nl)) ?? null
}

/** The first line of a file, as s6-envdir takes it: up to LF, trailing blanks removed. */
export function envValue(text: string): string {
  const nl = text.indexOf('\n')
  const first = nl < 0 ? text : text.slice(0, nl)
  return first.replace(/[ \t\r]+$/, '').replace(/\0/g, '\n')
}
