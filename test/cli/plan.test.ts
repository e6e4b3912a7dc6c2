import { describe, expect, it } from 'vitest'
import { serializeGraph } from '@/lib/graph/parse'
import { graphOf, longrun, oneshot } from '../fixtures/graphs'
import { runCli } from './run-cli'
import { treeDir, VALID } from './tree-dir'

describe('s6-designer plan', () => {
  it('prints start waves, the stop budget and the process tree', async () => {
    const r = await runCli(['plan', 'content/examples/reference.json'])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^Start: s6-rc -u change top/m)
    expect(r.stdout).toMatch(/^ {2}wave 1 {2}fix-attrs\n {2}wave 2 {2}legacy-cont-init$/m)
    expect(r.stdout).toMatch(/^ {2}wave 5 {2}legacy-services$/m)
    expect(r.stdout).toMatch(/^Stop: s6-rc -bda change/m)
    expect(r.stdout).toMatch(/web .*SIGTERM, SIGKILL after 5 s.*budget 6 s/)
    expect(r.stdout).toMatch(/total 9 s against docker stop's 10 s/)
    expect(r.stdout).toMatch(/^s6-svscan \/run\/service {2}\(PID 1\)$/m)
    expect(r.stdout).toMatch(/^│ {2}└─ puma master$/m)
    expect(r.stdout).toMatch(/└─ puma worker × PUMA_WORKERS$/m)
  })

  it('prints JSON with --json', async () => {
    const r = await runCli(['plan', 'content/examples/reference.json', '--json'])
    expect(r.code).toBe(0)
    const out = JSON.parse(r.stdout) as Record<string, unknown>
    expect(out).toMatchObject({
      closure: expect.arrayContaining(['web', 'worker']),
      targets: ['top'],
      startWaves: [
        ['fix-attrs'],
        ['legacy-cont-init'],
        ['config-check', 'redis-ready'],
        ['scheduler', 'web', 'worker'],
        ['legacy-services'],
      ],
      stopOrder: expect.arrayContaining(['web']),
      processTree: { label: 's6-svscan /run/service', kind: 'init' },
      stopTotalMs: 9000,
      dockerStopMs: 10000,
      overDockerStop: false,
    })
  })

  it('plans a folder and a chosen target', async () => {
    const dir = await treeDir(VALID)
    const r = await runCli(['plan', dir, '--target', 'init', '--json'])
    expect(r.code).toBe(0)
    expect((JSON.parse(r.stdout) as { closure: string[] }).closure).toEqual([
      'fix-attrs',
      'init',
      'legacy-cont-init',
    ])
  })

  it('plans a bare s6-rc tree with --plain: its own base, no s6-overlay services, grace time or PID 1', async () => {
    // The tree defines base itself (an empty bundle): bare s6-rc takes it as an ordinary name.
    const tree = await treeDir({ ...VALID, 'base/type': 'bundle\n', 'base/contents.d/.keep': '' })
    const plain = await runCli(['plan', tree, '--plain'])
    expect(plain.stdout).toMatch(/^ {2}wave 1 {2}init$/m)
    expect(plain.stdout).not.toMatch(/fix-attrs|legacy-cont-init|S6_KILL_GRACETIME|docker stop/)
    expect(plain.stdout).toMatch(/^Stop: s6-rc -da change/m)
    expect(plain.stdout).not.toMatch(/Process tree|PID 1/)
    const json = JSON.parse((await runCli(['plan', tree, '--plain', '--json'])).stdout) as Record<
      string,
      unknown
    >
    expect(json).toMatchObject({ context: 'plain', startWaves: [['init'], ['web']] })
    expect(json).not.toHaveProperty('processTree')
    expect(json).not.toHaveProperty('killGraceMs')
    // Without --plain the same tree is planned as s6-overlay runs it.
    const overlay = await runCli(['plan', tree])
    expect(overlay.stdout).toMatch(/^ {2}wave 1 {2}fix-attrs$/m)
    expect(overlay.stdout).toMatch(/Process tree/)
    // s6-overlay's names are no targets of a bare tree that does not define them.
    const unknown = await runCli(['plan', tree, '--plain', '--target', 'top'])
    expect(unknown.code).toBe(2)
  })

  it('says which start fails on its timeout-up and what it keeps from starting', async () => {
    const graph = graphOf({
      migrate: oneshot({ estimatedUpMs: 8000, timeoutUp: 5000 }),
      web: longrun({ dependencies: ['migrate'] }),
    })
    const dir = await treeDir({ 'graph.json': serializeGraph(graph) })
    const r = await runCli(['plan', `${dir}/graph.json`])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^Start: s6-rc -u change top \(\d+ services, fails after 5\.2 s\)$/m)
    expect(r.stdout).toMatch(
      /^ {2}fails: migrate is estimated to need 8 s, more than its timeout-up of 5 s$/m,
    )
    expect(r.stdout).toMatch(/^ {2}never started \(something they need fails\): .*\bweb\b/m)
    expect(r.stdout).toMatch(
      /^ {2}the container then carries on \(S6_BEHAVIOUR_IF_STAGE2_FAILS is 0\)$/m,
    )
    const stops = await treeDir({
      'graph.json': serializeGraph({
        ...graph,
        project: { ...graph.project, s6Env: { S6_BEHAVIOUR_IF_STAGE2_FAILS: '2' } },
      }),
    })
    expect((await runCli(['plan', `${stops}/graph.json`])).stdout).toMatch(
      /^ {2}the container then stops \(S6_BEHAVIOUR_IF_STAGE2_FAILS is 2\)$/m,
    )
    const json = JSON.parse((await runCli(['plan', `${dir}/graph.json`, '--json'])).stdout) as {
      startFailed: string[]
      startNotStarted: string[]
    }
    expect(json.startFailed).toEqual(['migrate'])
    expect(json.startNotStarted).toContain('web')
  })

  it('exits 2 on an unknown target, a missing source and a bad graph file', async () => {
    const unknown = await runCli(['plan', 'content/examples/reference.json', '--target', 'nope'])
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toMatch(/unknown target nope/)
    expect((await runCli(['plan'])).code).toBe(2)
    expect((await runCli(['plan', 'package.json'])).code).toBe(2)
  })
})

describe('s6-designer plan on a folder without services', () => {
  it('says there is nothing to plan, with exit 2 and no plan', async () => {
    const dir = await treeDir({ 'notes.txt': 'no services here\n' })
    const r = await runCli(['plan', dir])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('source-not-found')
    expect(r.stderr).toContain('no s6 services to plan')
    expect(r.stdout).toBe('')
  })
})
