/**
 * The s6-rc-compile cases (../shared/s6/cases): trees with what the real s6-rc-compile 0.5.4.1
 * said of each when compiled with s6-overlay's own sources. Reading and validating a case must
 * give at least one error exactly when the compiler refused it, and `lint` must exit 1 then.
 */
import { execFile } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { readTreeInput } from '@/cli/fs'
import { readTree } from '@/lib/graph/read-tree'
import { validate } from '@/lib/graph/validate'
import { runCli } from './cli/run-cli'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const CASES = resolve(ROOT, '../shared/s6/cases')

if (!existsSync(join(CASES, 'index.json'))) {
  throw new Error(
    `The s6-rc-compile cases are missing: expected them in ${CASES} (../shared/s6/cases from the repo).`,
  )
}

interface Expected {
  compiles: boolean
  exit: number
  message: string
}

const index = JSON.parse(readFileSync(join(CASES, 'index.json'), 'utf8')) as Record<
  string,
  Expected
>
const folders = readdirSync(CASES, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort()

/** For cases the compiler refuses while reading files, the readTree code that must say so. */
const READ_CODES: Record<string, string> = {
  'bad-bundle-without-contents': 'bundle-contents-missing',
  'bad-longrun-without-run': 'longrun-run-missing',
  'bad-no-type-file': 'type-missing',
  'bad-oneshot-without-up': 'oneshot-up-missing',
  'bad-scripts-folder-inside-source': 'not-a-service',
  'bad-timeout-not-a-number': 'timeout-invalid',
  'bad-type-capitalised': 'type-invalid',
  'bad-type-crlf': 'type-invalid',
  'bad-type-empty': 'type-invalid',
  'bad-type-unknown': 'type-invalid',
}

it('has one folder per entry of index.json', () => {
  expect(folders.length).toBeGreaterThan(0)
  expect(folders).toEqual(Object.keys(index).sort())
})

describe.each(folders)('case %s', (name) => {
  const dir = join(CASES, name)
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected

  it(
    expected.compiles ? 'reads and validates without errors' : 'gives at least one error',
    async () => {
      const read = readTree(await readTreeInput(dir))
      const diagnostics = [...read.diagnostics, ...validate(read.graph, { context: 'overlay' })]
      const errors = diagnostics.filter((d) => d.severity === 'error')
      if (expected.compiles) {
        expect(errors).toEqual([])
        return
      }
      expect(errors.length).toBeGreaterThan(0)
      for (const e of errors) expect(e.fix, `${e.code} has a fix`).toBeTruthy()
      // At least one error names a service the compiler's message names.
      const named = Object.keys(read.graph.services).filter((s) =>
        new RegExp(`\\b${s}\\b`).test(expected.message),
      )
      const compilerNames =
        named.length > 0
          ? named
          : [...expected.message.matchAll(/s6-rc\.d\/([^/]+)\//g)].map((m) => m[1])
      expect(
        errors.some((e) =>
          compilerNames.some((n) => e.service === n || e.message.includes(n ?? '')),
        ),
      ).toBe(true)
      const code = READ_CODES[name]
      if (code) expect(read.diagnostics.map((d) => d.code)).toContain(code)
    },
  )

  it(`lint exits ${expected.compiles ? 0 : 1}`, async () => {
    const r = await runCli(['lint', dir])
    expect(r.stderr).toBe('')
    expect(r.code).toBe(expected.compiles ? 0 : 1)
  })
})

it('the s6-designer bin lints a case and prints the JSON shape', async () => {
  const run = promisify(execFile)
  const dir = join(CASES, 'bad-type-crlf')
  const result = await run(process.execPath, ['bin/s6-designer.mjs', 'lint', dir, '--json'], {
    cwd: ROOT,
  }).then(
    () => ({ code: 0, stdout: '' }),
    (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
  )
  expect(result.code).toBe(1)
  const out = JSON.parse(result.stdout) as {
    errors: number
    warnings: number
    diagnostics: Record<string, unknown>[]
  }
  expect(out.errors).toBeGreaterThan(0)
  expect(typeof out.warnings).toBe('number')
  for (const d of out.diagnostics) {
    expect(Object.keys(d).sort()).toEqual([
      'code',
      'file',
      'fix',
      'message',
      'path',
      'service',
      'severity',
    ])
  }
  expect(out.diagnostics).toContainEqual(
    expect.objectContaining({ code: 'type-invalid', service: 'worker', file: 'type' }),
  )
})
