/**
 * readZip on its own, the second of the import's two passes: in strict mode it refuses what
 * the scan refuses too, so a caller that skips the scan is still safe; without strict mode it
 * keeps its old behaviour (unsafe names left out) but inflates no more than its limits.
 */
import { describe, expect, it } from 'vitest'
import { readZip, ZipRefusedError } from '@/lib/export/zip'
import { buildZip, fileEntry, zerosDeflated } from './zip-builder'
import type { RawEntry } from './zip-builder'

const OK = fileEntry('ok/file', 'fine\n')

async function refused(entries: RawEntry[], options: Parameters<typeof readZip>[1]) {
  const error = await readZip(buildZip(entries), options).then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(ZipRefusedError)
  return (error as Error).message
}

/** A deflated entry of `mib` MiB of zeros that declares `size` bytes. */
function bomb(name: string, mib: number, size: number): RawEntry {
  return { name, compressed: zerosDeflated(mib), size }
}

describe('readZip strict', () => {
  it('refuses names that climb out or are absolute; without strict they are left out', async () => {
    const evil = [OK, fileEntry('../escape', 'x')]
    expect(await refused(evil, { strict: true })).toBe(
      'the entry "../escape" climbs out of the folder with ..',
    )
    expect(Object.keys((await readZip(buildZip(evil))).files)).toEqual(['ok/file'])
    expect(await refused([OK, fileEntry('/etc/passwd', 'x')], { strict: true })).toBe(
      'the entry "/etc/passwd" is an absolute path',
    )
  })

  it('refuses symbolic links; without strict it lists them', async () => {
    const link: RawEntry = { name: 'ok/link', data: '/etc/shadow', mode: 0o120777 }
    expect(await refused([OK, link], { strict: true })).toBe(
      'the entry "ok/link" is a symbolic link',
    )
    expect((await readZip(buildZip([OK, link]))).symlinks).toEqual(['ok/link'])
  })

  it('refuses declared sizes over the limits before inflating anything', async () => {
    const big: RawEntry = { ...fileEntry('ok/big', 'x'), size: 5_000_000 }
    expect(await refused([OK, big], { strict: true, maxFileBytes: 1_000_000 })).toBe(
      'the entry "ok/big" declares 5000000 bytes, more than the 1000000 allowed for one file',
    )
    // jszip reads sizes from 2 GiB up as negative numbers; they still count as huge.
    const huge: RawEntry = { ...fileEntry('ok/huge', 'x'), size: 0x90000000 }
    expect(await refused([huge], { maxFileBytes: 1000 })).toBe(
      'the entry "ok/huge" declares 2415919104 bytes, more than the 1000 allowed for one file',
    )
    const parts = [1, 2, 3].map((i) => ({ ...fileEntry(`ok/${i}`, 'x'), size: 400 }))
    expect(await refused(parts, { maxBytes: 1000 })).toBe(
      'the zip declares more than 1000 bytes once unpacked',
    )
  })

  it('stops inflating a bomb at the declared size, or at the limit without strict', async () => {
    const zip = () => buildZip([OK, bomb('ok/bomb', 2048, 10)])
    await expect(readZip(zip(), { strict: true })).rejects.toThrow(
      'the entry "ok/bomb" unpacks to more than the 10 bytes it declares',
    )
    await expect(readZip(zip(), { maxFileBytes: 1 << 20 })).rejects.toThrow(
      'the entry "ok/bomb" unpacks to more than 1048576 bytes',
    )
    const filler = fileEntry('ok/a-filler', 'z'.repeat(700_000))
    const two = buildZip([filler, bomb('ok/bomb', 2048, 10)])
    await expect(readZip(two, { maxBytes: 1 << 20 })).rejects.toThrow(
      'the zip unpacks to more than 1048576 bytes',
    )
  })

  it('refuses a file that unpacks to fewer bytes than it declares', async () => {
    expect(await refused([{ ...fileEntry('ok/short', 'abc'), size: 7 }], { strict: true })).toBe(
      'the entry "ok/short" unpacks to 3 bytes, not the 7 it declares',
    )
  })

  it('reads a clean zip the same in both modes', async () => {
    const entries = [{ name: 'ok/', mode: 0o40755 }, OK, fileEntry('ok/run', '#!/bin/sh\n', true)]
    const strict = await readZip(buildZip(entries), { strict: true })
    expect(strict).toEqual(await readZip(buildZip(entries)))
    expect(strict.executables).toEqual(['ok/run'])
    expect(new TextDecoder().decode(strict.files['ok/file'])).toBe('fine\n')
  })
})
