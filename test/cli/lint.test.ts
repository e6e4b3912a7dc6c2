import { describe, expect, it } from 'vitest'
import { runCli } from './run-cli'
import { treeDir, VALID } from './tree-dir'

describe('s6-designer lint', () => {
  it('exits 0 on a valid tree and prints a summary line', async () => {
    const dir = await treeDir(VALID)
    const r = await runCli(['lint', dir])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^0 errors, 0 warnings/m)
  })

  it('exits 1 and prints each problem with its fix, grouped by service', async () => {
    const dir = await treeDir({ ...VALID, 'web/timeout-up': '5s\n', 'init/type': 'Oneshot\n' })
    const r = await runCli(['lint', dir])
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(/^init\n {2}error {4}init\/type {2}.*Oneshot/m)
    expect(r.stdout).toMatch(
      /^web\n {2}error {4}web\/timeout-up {2}.*"5s\\n".*\(timeout-invalid\)\n {11}fix: /m,
    )
    expect(r.stdout).toMatch(/^2 errors, 0 warnings$/m)
  })

  it('prints the JSON shape with --json', async () => {
    const dir = await treeDir({ ...VALID, 'web/timeout-up': '5s\n' })
    const r = await runCli(['lint', dir, '--json'])
    expect(r.code).toBe(1)
    const out = JSON.parse(r.stdout) as Record<string, unknown>
    expect(Object.keys(out)).toEqual(['errors', 'warnings', 'diagnostics'])
    expect(out.errors).toBe(1)
    expect(out.diagnostics).toContainEqual({
      code: 'timeout-invalid',
      severity: 'error',
      service: 'web',
      file: 'timeout-up',
      message: expect.stringContaining('web/timeout-up'),
      fix: expect.any(String),
    })
  })

  it('reads an image root and a graph file too', async () => {
    const files = Object.fromEntries(
      Object.entries(VALID).map(([p, t]) => [`rootfs/etc/s6-overlay/s6-rc.d/${p}`, t]),
    )
    const dir = await treeDir(files)
    const r = await runCli(['lint', 'rootfs'], dir)
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('rootfs: 2 services, 1 bundle (read from etc/s6-overlay/s6-rc.d)')
    const graph = await runCli(['lint', 'content/examples/reference.json', '--json'])
    expect(JSON.parse(graph.stdout)).toMatchObject({ errors: 0 })
  })

  it('treats base and user as plain names with --plain', async () => {
    const dir = await treeDir(
      { 'base/type': 'bundle\n', 'user/type': 'bundle\n' },
      { emptyDirs: ['base/contents.d', 'user/contents.d'] },
    )
    expect((await runCli(['lint', dir, '--plain'])).code).toBe(0)
    expect((await runCli(['lint', dir])).code).toBe(1)
  })

  it.each([
    [['lint'], /missing DIR/],
    [['lint', 'a', 'b'], /expected one DIR/],
    [['lint', '.', '--jsn'], /unknown option --jsn/],
    [['lint', '.', '--json=yes'], /--json takes no value/],
  ])('exits 2 on usage errors: %j', async (argv, message) => {
    const r = await runCli(argv)
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(message)
    expect(r.stderr).toContain('Usage: s6-designer lint')
  })

  it('exits 2 when the folder is missing or is not a folder', async () => {
    const missing = await runCli(['lint', 'no/such/dir'])
    expect(missing.code).toBe(2)
    expect(missing.stderr).toMatch(/no such file or folder/)
    const file = await runCli(['lint', 'README.md'])
    expect(file.code).toBe(2)
    expect(file.stderr).toMatch(/not a folder/)
    const notGraph = await runCli(['lint', 'package.json'])
    expect(notGraph.code).toBe(2)
    expect(notGraph.stderr).toMatch(/package.json: version: /)
  })
})
