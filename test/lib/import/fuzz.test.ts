/**
 * 10,000 random and damaged inputs through importFile: random bytes, zips built entry by entry
 * from hostile parts (climbing and absolute names, links, lying sizes, unknown methods, random
 * extra fields, non-UTF-8 names and contents), and real zips (an export, a bare s6-rc.d)
 * truncated or altered. importFile must settle every time, without an uncaught exception, with
 * a graph or with a message saying what was refused. Inputs stay small to keep this fast.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { zipFiles } from '@/lib/export/zip'
import { exportFiles } from '@/lib/generate/export-files'
import { sourceTreeFiles } from '@/lib/generate/source-tree'
import { importFile } from '@/lib/import/import'
import { graphOf, longrun, oneshot } from '../../fixtures/graphs'
import { buildZip } from './zip-builder'
import type { RawEntry } from './zip-builder'

const NAMES = ['app.zip', 'design.json', 'run', 'notes']

async function expectSettled(name: string, bytes: Uint8Array): Promise<void> {
  const r = await importFile(name, bytes)
  if (r.ok) {
    expect(r.graph.services.user?.type).toBe('bundle')
    expect(r.summary.startsWith(`${name}: `)).toBe(true)
  } else {
    expect(r.error.startsWith(`${name} was not imported: `)).toBe(true)
    expect(r.error.length).toBeGreaterThan(`${name} was not imported: `.length + 5)
  }
}

const u32 = fc.oneof(
  fc.constantFrom(0, 1, 0xffff, 0x7fffffff, 0x80000000, 0xffffffff),
  fc.nat({ max: 0xffffffff }),
)

const entryName = fc.oneof(
  fc.constantFrom(
    's6-rc.d/web/type',
    's6-rc.d/web/run',
    's6-rc.d/web/dependencies.d/base',
    's6-rc.d/web/env/PORT',
    's6-rc.d/user/contents.d/web',
    's6-rc.d/user/type',
    'etc/cont-init.d/10-init',
    'etc/services.d/app/run',
    'etc/services.d/app/log/run',
    'etc/cont-finish.d/90-bye',
    'docker/s6/s6-designer.json',
    '../x',
    'a/../../b',
    '/etc/passwd',
    'C:\\evil',
    '\\\\server\\share',
    'dir/',
    './',
    '',
    '__proto__',
    'a\u0000b',
  ),
  fc.string({ maxLength: 12 }),
  fc.uint8Array({ maxLength: 12 }),
)

const entryData = fc.oneof(
  fc.constantFrom('longrun\n', 'oneshot\n', 'bundle\n', '#!/bin/sh\nexec web\n', 'base\n', '{}'),
  fc.string({ maxLength: 40 }),
  fc.uint8Array({ maxLength: 40 }),
)

const extraField = fc
  .tuple(fc.constantFrom(0x0001, 0x7075, 0x5455, 0xffff), fc.uint8Array({ maxLength: 20 }))
  .map(([id, value]) => {
    const out = new Uint8Array(4 + value.length)
    new DataView(out.buffer).setUint16(0, id, true)
    new DataView(out.buffer).setUint16(2, value.length, true)
    out.set(value, 4)
    return out
  })

const SAFE_NAMES = [
  's6-rc.d/web/type',
  's6-rc.d/web/run',
  's6-rc.d/web/dependencies.d/base',
  's6-rc.d/user/type',
  's6-rc.d/user/contents.d/web',
  'etc/services.d/app/run',
  'etc/cont-init.d/10-init',
]

/** An entry a careful writer could make: most zips of these get past the checks. */
const cleanEntry: fc.Arbitrary<RawEntry> = fc.record({
  name: fc.constantFrom(...SAFE_NAMES),
  data: entryData,
  method: fc.constantFrom(0, 8),
  mode: fc.constantFrom(0o100644, 0o100755),
})

const hostileEntry: fc.Arbitrary<RawEntry> = fc.record(
  {
    name: entryName,
    data: entryData,
    method: fc.constantFrom(0, 8, 8, 12),
    size: u32,
    compressedSize: u32,
    localName: entryName,
    mode: fc.constantFrom(0o100644, 0o100755, 0o040755, 0o120777, 0o140755, 0),
    flags: fc.constantFrom(0, 0x800, 0x801, 0x808),
    extra: extraField,
  },
  { requiredKeys: ['name'] },
)

const rawEntry = fc.oneof(cleanEntry, hostileEntry)

/** Real zips to damage: a bare s6-rc.d source and a whole export of a small design. */
async function realZips(): Promise<Uint8Array[]> {
  const graph = graphOf(
    {
      web: longrun({ dependencies: ['init'], env: [{ name: 'PORT', value: '80' }] }),
      init: oneshot(),
    },
    { project: { repoDir: 'x' } },
  )
  return [await zipFiles(sourceTreeFiles(graph)), await zipFiles(exportFiles(graph))]
}

type Mutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'flip'; at: number[]; xor: number }
  | { kind: 'field'; header: number; offset: number; value: number }

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('flip' as const),
    at: fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
    xor: fc.integer({ min: 1, max: 255 }),
  }),
  fc.record({
    kind: fc.constant('field' as const),
    header: fc.nat(),
    offset: fc.nat(45),
    value: u32,
  }),
)

function signatures(bytes: Uint8Array): number[] {
  const out: number[] = []
  for (let i = 0; i + 4 <= bytes.length; i++)
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && (bytes[i + 2] as number) <= 8) out.push(i)
  return out
}

/** The zip truncated, with bytes flipped, or with one header field overwritten. */
function mutate(source: Uint8Array, m: Mutation): Uint8Array {
  const bytes = new Uint8Array(source)
  if (m.kind === 'truncate') return bytes.subarray(0, m.at % (bytes.length + 1))
  if (m.kind === 'flip') {
    for (const at of m.at) bytes[at % bytes.length] = (bytes[at % bytes.length] ?? 0) ^ m.xor
    return bytes
  }
  const sigs = signatures(bytes)
  const at = (sigs[m.header % sigs.length] ?? 0) + m.offset
  if (at + 4 <= bytes.length) new DataView(bytes.buffer).setUint32(at, m.value, true)
  return bytes
}

describe('importFile on random and damaged input', () => {
  it('settles on 3,000 random byte strings', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...NAMES),
        fc.boolean(),
        fc.uint8Array({ maxLength: 200 }),
        async (name, zipLike, body) => {
          const bytes = zipLike ? new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...body]) : body
          await expectSettled(name, bytes)
        },
      ),
      { numRuns: 3_000 },
    )
  }, 120_000)

  it('settles on 4,000 zips built from hostile entries', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(rawEntry, { minLength: 1, maxLength: 6 }), async (entries) => {
        await expectSettled('app.zip', buildZip(entries))
      }),
      { numRuns: 4_000 },
    )
  }, 120_000)

  it('settles on 3,000 truncated or altered real zips', async () => {
    const zips = await realZips()
    for (const z of zips) await expectSettled('app.zip', z)
    await fc.assert(
      fc.asyncProperty(fc.nat(zips.length - 1), mutation, async (which, m) => {
        await expectSettled('app.zip', mutate(zips[which] as Uint8Array, m))
      }),
      { numRuns: 3_000 },
    )
  }, 120_000)
})
