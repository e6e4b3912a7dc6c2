/** The CLI's own options: help, --version, and where usage goes. */
import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { COMMANDS } from '@/cli/main'
import { runCli } from './run-cli'

describe('s6-designer help and --version', () => {
  it('prints the package version on --version', async () => {
    const pkg = JSON.parse(await readFile('package.json', 'utf8')) as { version: string }
    for (const flag of ['--version', '-V']) {
      const r = await runCli([flag])
      expect(r).toEqual({ code: 0, stdout: `s6-designer ${pkg.version}\n`, stderr: '' })
    }
  })

  it.each(COMMANDS.map((c) => c.name))(
    'prints the usage of %s on help and --help',
    async (name) => {
      const usage = COMMANDS.find((c) => c.name === name)?.usage
      for (const argv of [
        ['help', name],
        [name, '--help'],
        [name, '-h'],
      ]) {
        const r = await runCli(argv)
        expect(r).toEqual({ code: 0, stdout: `${usage}\n`, stderr: '' })
      }
    },
  )

  it.each([['help'], ['--help'], ['-h']])(
    'prints the general help on stdout for %j',
    async (...argv) => {
      const r = await runCli(argv)
      expect(r.code).toBe(0)
      expect(r.stderr).toBe('')
      expect(r.stdout).toMatch(/^Usage: s6-designer <command> \[options\]/)
    },
  )

  it('says an unknown command, on stderr, with exit 2', async () => {
    for (const argv of [['nosuch'], ['help', 'nosuch']]) {
      const r = await runCli(argv)
      expect(r.code).toBe(2)
      expect(r.stdout).toBe('')
      expect(r.stderr).toMatch(/^s6-designer: unknown command "nosuch"\n\nUsage: s6-designer/)
    }
  })
})

describe('usage printed because of a mistake', () => {
  it('goes to stderr, with exit 2, when no command is given', async () => {
    const r = await runCli([])
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(/^s6-designer: no command given\n\nUsage: s6-designer <command>/)
  })
})

describe('text printed to the terminal', () => {
  it('shows the control characters of a name as escapes, never raw', async () => {
    const name = 'x\u001b[31mRED\u001b]0;TITLE\u0007\r'
    const graph = JSON.stringify({
      version: 1,
      project: {},
      services: {
        [name]: {
          type: 'longrun',
          run: { language: 'sh', body: 'exec sleep 1' },
          dependencies: [],
        },
      },
      layout: {},
    })
    for (const command of ['lint', 'plan']) {
      const r = await runCli([command, '-'], process.cwd(), { stdin: graph })
      const printed = r.stdout + r.stderr
      expect(printed).toContain('x\\u001b[31mRED')
      expect(printed).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/)
    }
  })
})
