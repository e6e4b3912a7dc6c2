/**
 * Where a share link points: --base, else S6_DESIGNER_URL; no default a link could not use. And
 * links mangled on the way back: a # written %23.
 */
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from './run-cli'

const REFERENCE = 'content/examples/reference.json'

describe('s6-designer share: the base URL', () => {
  it('is required: without --base or S6_DESIGNER_URL nothing is printed', async () => {
    const r = await runCli(['share', REFERENCE], process.cwd(), { env: {} })
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(/missing --base URL/)
    expect(r.stderr).toMatch(/S6_DESIGNER_URL/)
    expect(r.stderr).toContain('Usage: s6-designer share')
  })

  it('is read from S6_DESIGNER_URL', async () => {
    const env = { S6_DESIGNER_URL: 'https://designer.example/s6/' }
    const r = await runCli(['share', REFERENCE], process.cwd(), { env })
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^https:\/\/designer\.example\/s6\/#s6g=1\.d\./)
  })

  it('is --base when both are given', async () => {
    const env = { S6_DESIGNER_URL: 'https://designer.example/s6/' }
    const r = await runCli(['share', REFERENCE, '--base', 'https://other.example/'], undefined, {
      env,
    })
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^https:\/\/other\.example\/#s6g=1\.d\./)
  })

  it('names S6_DESIGNER_URL when that is not a URL', async () => {
    const r = await runCli(['share', REFERENCE], undefined, { env: { S6_DESIGNER_URL: 'nope' } })
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/S6_DESIGNER_URL nope is not a URL/)
  })

  it('is said in the usage', async () => {
    const r = await runCli(['share', '--help'])
    expect(r.stdout).toMatch(/--base URL[\s\S]*\(required, unless S6_DESIGNER_URL gives it\)/)
    expect(r.stdout).not.toContain('localhost')
  })
})

describe('s6-designer open: a link whose # was percent-encoded', () => {
  it('is opened', async () => {
    const dir = await mkdtemp(join(tmpdir(), 's6d-open-'))
    const share = await runCli(['share', REFERENCE, '--base', 'https://example.org/'])
    const link = share.stdout.trim().replace('#', '%23')
    const r = await runCli(['open', link, '--out', 'g.json'], dir)
    expect(r.stderr).toBe('')
    expect(r).toMatchObject({ code: 0, stdout: 'wrote g.json (6 services)\n' })
  })
})
