/** Where a share link points: --base, else S6_DESIGNER_URL; no default a link could not use. */
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
