import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readZip } from '@/lib/export/zip'
import { crc32, writeZip } from '@/lib/export/zip-writer'

const DATE = new Date(Date.UTC(2000, 0, 1))
const text = (s: string) => new TextEncoder().encode(s)

describe('writeZip', () => {
  it('computes the standard CRC-32', () => {
    expect(crc32(text('123456789'))).toBe(0xcbf43926)
    expect(crc32(new Uint8Array())).toBe(0)
  })

  it('writes stored and deflated entries that unzip verifies and jszip reads back', async () => {
    const big = 'a fairly repetitive line of text\n'.repeat(200)
    const zip = writeZip(
      [
        { path: 'd/', data: new Uint8Array(), mode: 0o40755, deflate: false },
        { path: 'd/run', data: text('#!/bin/sh\nexec x\n'), mode: 0o100755, deflate: false },
        { path: 'd/README.md', data: text(big), mode: 0o100644, deflate: true },
      ],
      DATE,
    )
    const path = join(mkdtempSync(join(tmpdir(), 's6d-zipw-')), 'a.zip')
    writeFileSync(path, zip)
    expect(execFileSync('unzip', ['-t', path], { encoding: 'utf8' })).toMatch(/No errors detected/)
    const back = await readZip(zip)
    expect(new TextDecoder().decode(back.files['d/README.md'])).toBe(big)
    expect(back.modes).toEqual({ d: 0o755, 'd/run': 0o755, 'd/README.md': 0o644 })
    expect(zip.length).toBeLessThan(big.length)
  })

  it('writes ZIP64 end records past 65,535 entries, which unzip accepts', () => {
    const entries = Array.from({ length: 70_000 }, (_, i) => ({
      path: `f${i}`,
      data: text(String(i)),
      mode: 0o100644,
      deflate: false,
    }))
    const path = join(mkdtempSync(join(tmpdir(), 's6d-zipw-')), 'many.zip')
    writeFileSync(path, writeZip(entries, DATE))
    const listing = execFileSync('zipinfo', ['-1', path], { encoding: 'utf8', maxBuffer: 1 << 24 })
    expect(listing.trim().split('\n')).toHaveLength(70_000)
    expect(execFileSync('unzip', ['-p', path, 'f69999'], { encoding: 'utf8' })).toBe('69999')
  })
})
