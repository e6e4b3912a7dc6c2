/**
 * Reads one directory of an s6-rc source into a Service, checking each file the way
 * s6-rc-compile 0.5.4.1 does (FORMAT §1). A service whose type is broken but obvious (a CRLF,
 * a capital letter, a missing type beside a `run`) is still read, so the design survives the
 * import; the error stays in the diagnostics.
 */
import type { ReadContext } from './read-tree-context'
import { readTimeoutFile, readTypeFile, showBytes } from './read-tree-files'
import { decodeText } from './tree-input'
import { readLongrun } from './read-tree-longrun'
import { readOneshotAction } from './read-tree-oneshot'
import { ServiceDir } from './read-tree-service-dir'
import type { Bundle, Longrun, Oneshot, Service, ServiceType } from './types'

const SERVICE_FILES = [
  'run',
  'up',
  'down',
  'finish',
  'contents',
  'contents.d',
  'dependencies',
  'dependencies.d',
  'producer-for',
  'consumer-for',
  'notification-fd',
  'timeout-up',
  'timeout-down',
  'flag-essential',
]

const NEWER_FILES: Record<string, string> = {
  'flag-recommended': 's6-rc 0.6.0.0',
  reload: 's6-rc 0.7.0.0',
  'reload-signal': 's6-rc 0.7.0.0',
  'flag-newpidns': 's6-rc 0.7.0.0',
  'flag-timeout-killpg': 's6-rc 0.7.0.0',
}

const TYPE_FIX =
  'Write exactly oneshot, longrun or bundle, optionally followed by one LF (no CR, no spaces, lower case).'

function guessType(sd: ServiceDir): ServiceType | undefined {
  if (sd.has('run')) return 'longrun'
  if (sd.has('up')) return 'oneshot'
  if (sd.has('contents.d') || sd.has('contents')) return 'bundle'
  return undefined
}

/** s6-overlay ships `user` and `user2` (type and contents.d/.empty) where its release reads them. */
const OVERLAY_SHIPPED = new Set(['user', 'user2'])

function readType(sd: ServiceDir): ServiceType | undefined {
  const bytes = sd.bytes('type')
  if (
    bytes === undefined &&
    !sd.has('type') &&
    sd.ctx.context === 'overlay' &&
    OVERLAY_SHIPPED.has(sd.name)
  ) {
    sd.ctx.note(sd.path('type'), 'read', 'absent: s6-overlay ships this bundle, type included')
    return 'bundle'
  }
  if (bytes === undefined) {
    const looksLikeService = SERVICE_FILES.some((f) => sd.has(f))
    if (!looksLikeService) {
      const scripts = sd.name === 'scripts'
      sd.diag(
        'not-a-service',
        'error',
        'type',
        `${sd.dir} has no type file, so it is not a service, yet s6-rc-compile reads every folder of the source as one and stops with "unable to read ${sd.path('type')}" (exit 111).`,
        scripts
          ? 'Move helper scripts to /etc/s6-overlay/scripts/ and call them from up.'
          : 'Move this folder out of the s6-rc.d folder (helper scripts belong in /etc/s6-overlay/scripts/), or add a type file if it is a service.',
      )
      sd.finish(() => 'not a service: no type file')
      return undefined
    }
    const guess = guessType(sd)
    sd.diag(
      'type-missing',
      'error',
      'type',
      `${sd.path('type')} is missing; s6-rc-compile stops with "unable to read ${sd.path('type')}" (exit 111).${guess ? ` It looks like a ${guess}.` : ''}`,
      `Add a type file containing ${guess ?? 'oneshot, longrun or bundle'}.`,
    )
    if (guess) sd.ctx.note(sd.path('type'), 'converted', `absent; read as ${guess}`)
    else sd.finish(() => 'not read: the service has no type')
    return guess
  }
  const read = readTypeFile(bytes)
  if (read.ok) {
    sd.note('type', 'read', read.type)
    if (read.trailing) {
      sd.diag(
        'type-trailing-data',
        'warning',
        'type',
        `${sd.path('type')} has more than one line; s6-rc-compile reads only its first 8 bytes.`,
        TYPE_FIX,
      )
    }
    return read.type
  }
  const what = read.shown === '' ? 'is empty' : `holds "${read.shown}"`
  const why = read.bom
    ? ' (an invisible byte-order mark, written by some Windows editors, comes first)'
    : read.crlf
      ? ' (a Windows line ending: the CR is part of the word)'
      : ''
  sd.diag(
    'type-invalid',
    'error',
    'type',
    `${sd.path('type')} ${what}${why}; s6-rc-compile stops with "invalid ${sd.path('type')}: must be oneshot, longrun, or bundle" (exit 1).`,
    TYPE_FIX,
  )
  const guess = read.guess ?? guessType(sd)
  if (guess) sd.note('type', 'converted', `invalid; read as ${guess}`)
  else {
    sd.note('type', 'ignored', 'invalid type')
    sd.finish(() => 'not read: the service type is invalid')
  }
  return guess
}

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000 }

/** Milliseconds of a duration written with a unit (`5s`, `1.5 m`, `500ms`), or undefined. */
function withUnit(text: string): number | undefined {
  const m = /^\s*([0-9]+(?:\.[0-9]+)?)\s*(ms|s|m)\s*$/i.exec(text.replace(/^\ufeff/, ''))
  if (!m) return undefined
  const ms = Math.round(Number(m[1]) * UNIT_MS[m[2]!.toLowerCase()]!)
  return Number.isSafeInteger(ms) && ms <= 4294967295 ? ms : undefined
}

function timeout(sd: ServiceDir, entry: 'timeout-up' | 'timeout-down'): number | undefined {
  const bytes = sd.bytes(entry)
  if (bytes === undefined) return undefined
  const value = readTimeoutFile(bytes)
  if (value === null) {
    const text = decodeText(bytes.subarray(0, 40))
    const shown = `"${showBytes(text)}"`
    sd.diag(
      'timeout-invalid',
      'error',
      entry,
      `${sd.path(entry)} holds ${shown}; s6-rc-compile wants milliseconds as plain digits and stops with "invalid ${sd.path(entry)}" (exit 1).`,
      'Write the number of milliseconds only, for example 5000 (no unit, no spaces, no CR).',
    )
    // What the author meant, when it is a duration with a unit ("5s", "1.5 m", "500ms\r\n").
    const meant = withUnit(text)
    if (meant !== undefined) {
      sd.note(entry, 'converted', `${shown} read as ${meant} ms`)
      return meant
    }
    sd.note(entry, 'ignored', 'not a number of milliseconds')
    return undefined
  }
  sd.note(entry, 'read', value === undefined ? 'empty: no limit' : `${value} ms`)
  return value
}

function readBundle(sd: ServiceDir): Bundle {
  const contents = sd.nameList('contents')
  const shipped = sd.ctx.context === 'overlay' && OVERLAY_SHIPPED.has(sd.name) && !sd.has('type')
  if (contents === undefined && !shipped) {
    sd.diag(
      'bundle-contents-missing',
      'error',
      'contents.d',
      `Bundle ${sd.name} has no contents.d folder; s6-rc-compile stops with "unable to open ${sd.path('contents')}" (exit 111).`,
      'Add a contents.d/ folder (it may be empty: ship a contents.d/.empty file so it survives git and zips).',
    )
  }
  for (const f of ['dependencies.d', 'dependencies', 'timeout-up', 'timeout-down']) {
    if (sd.has(f)) sd.note(f, 'ignored', 'bundles have no dependencies or timeouts of their own')
  }
  return { type: 'bundle', contents: contents ?? [] }
}

/** Reads `source/name`; undefined when it is not a service (diagnosed). */
export function readService(ctx: ReadContext, source: string, name: string): Service | undefined {
  const sd = new ServiceDir(ctx, source, name)
  const type = readType(sd)
  if (!type) return undefined
  let service: Service
  if (type === 'bundle') service = readBundle(sd)
  else {
    const dependencies = sd.nameList('dependencies') ?? []
    const timeoutUp = timeout(sd, 'timeout-up')
    const timeoutDown = timeout(sd, 'timeout-down')
    const timing = {
      ...(timeoutUp !== undefined ? { timeoutUp } : {}),
      ...(timeoutDown !== undefined ? { timeoutDown } : {}),
    }
    if (type === 'oneshot') {
      const up = readOneshotAction(sd, 'up')
      if (!up && !sd.isLink('up')) {
        sd.diag(
          'oneshot-up-missing',
          'error',
          'up',
          `Oneshot ${name} has no up file; s6-rc-compile stops with "unable to open ${sd.path('up')}" (exit 111).`,
          'Add an up file: one command line, for example /etc/s6-overlay/scripts/' + name,
        )
      }
      const down = readOneshotAction(sd, 'down')
      const oneshot: Oneshot = {
        type,
        up: up?.script ?? { language: 'execline', body: '' },
        dependencies,
        withContenv: up?.withContenv ?? false,
        ...timing,
      }
      if (down) oneshot.down = down.script
      service = oneshot
    } else {
      const { fields } = readLongrun(sd)
      const longrun: Longrun = { type, ...fields, dependencies, ...timing }
      service = longrun
    }
  }
  if (sd.has('flag-essential')) {
    service.essential = true
    sd.note('flag-essential', 'read', 'essential')
  }
  sd.finish((entry) => {
    const newer = NEWER_FILES[entry]
    if (newer) return `read only by ${newer} and later; s6 Designer does not model it`
    return `s6-rc-compile does not read ${entry} for a ${type}`
  })
  return service
}
