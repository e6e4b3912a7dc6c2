/**
 * README: the dependency tree (from the graph), the process tree (`processTree`) and the
 * graceful shutdown with its time budget (`stopPlan`), as ASCII drawings and steps.
 */
import type { ProcessNode, StopPlan } from '../../plan/plan'
import { s6Value } from '../../graph/overlay'
import type { ServiceName } from '../../graph/types'
import type { ReadmeFacts } from './facts'
import { oneLine } from '../context'
import { block, code, duration, listing } from './markdown'

interface TreeItem {
  label: string
  children: TreeItem[]
}

/** Stop rounds listed one by one; longer plans end with a summary line. */
const MAX_WAVES = 30

/** Lines a drawing may take in the README; a bigger tree ends with a count of what is left. */
const MAX_TREE_LINES = 400

function drawTree(root: TreeItem): string[] {
  const out = [oneLine(root.label)]
  let left = 0
  const walk = (node: TreeItem, prefix: string) => {
    node.children.forEach((child, i) => {
      if (out.length >= MAX_TREE_LINES) {
        left += 1 + count(child)
        return
      }
      const last = i === node.children.length - 1
      out.push(`${prefix}${last ? '└── ' : '├── '}${oneLine(child.label)}`)
      walk(child, `${prefix}${last ? '    ' : '│   '}`)
    })
  }
  walk(root, '')
  if (left > 0) out.push(`… and ${left} more`)
  return out
}

function count(node: TreeItem): number {
  let n = 0
  for (const c of node.children) n += 1 + count(c)
  return n
}

/** Levels drawn below `user`; deeper dependencies are summed up in one line. */
const MAX_DEPTH = 8

/** The dependency tree below `user`: bundles show members, services what they depend on. */
export function dependencyTree(f: ReadmeFacts): string[] {
  const { services } = f.ctx.graph
  const pipelines = new Map(f.pipelines.map((p) => [p.name, p.members]))
  const expanded = new Set<ServiceName>()
  const item = (name: ServiceName, depth = 0): TreeItem => {
    const s = services[name]
    const pipe = pipelines.get(name)
    const kind = s ? s.type : pipe ? 'pipeline' : name === 'base' ? "s6-overlay's" : 'not defined'
    if (expanded.has(name)) return { label: `${name} (${kind}, see above)`, children: [] }
    if (depth > MAX_DEPTH)
      return { label: `${name} (${kind}, and what it depends on)`, children: [] }
    expanded.add(name)
    let children: ServiceName[] = []
    if (s?.type === 'bundle') children = s.contents ?? []
    else if (s) children = (s.dependencies ?? []).filter((d) => d !== 'base')
    else if (pipe) children = pipe
    const extra = s?.type === 'longrun' && s.producerFor ? `, output to ${s.producerFor}` : ''
    return { label: `${name} (${kind}${extra})`, children: children.map((c) => item(c, depth + 1)) }
  }
  const root = item('user')
  root.label = 'user (bundle: what s6-overlay starts at boot)'
  return drawTree(root)
}

/** The `docker stop -t` seconds that give a stop of `totalMs` room: a second beyond it. */
export function stopSeconds(totalMs: number): number {
  return Math.ceil(totalMs / 1000) + 1
}

function processItem(node: ProcessNode): TreeItem {
  const count = node.count !== undefined ? ` × ${node.count}` : ''
  const label = `${node.label}${count}${node.idle ? ' (not started at boot)' : ''}${node.kind === 'init' ? ' (PID 1)' : ''}`
  return { label, children: node.children.map(processItem) }
}

function shutdownSteps(f: ReadmeFacts, plan: StopPlan): string[] {
  const killGrace = s6Value(
    f.ctx.graph.project.s6Env ?? {},
    'S6_KILL_GRACETIME',
    f.ctx.release.version,
  )
  const steps: string[] = [
    `1. ${code('docker stop')} sends SIGTERM to PID 1 (s6-svscan, which ${code('/init')} became) and gives the container ${duration(plan.dockerStopMs)} before SIGKILL.`,
    `2. s6-overlay stops the services with ${code('s6-rc -bda change')}, in the reverse of the start order (dependents first, independent ones together):`,
  ]
  const byName = new Map(plan.steps.map((s) => [s.name, s]))
  const shown = plan.waves.length > MAX_WAVES ? plan.waves.slice(0, MAX_WAVES - 1) : plan.waves
  shown.forEach((wave, i) => {
    const parts = wave.map((name) => {
      const step = byName.get(name)
      if (!step) return code(name)
      if (step.overlay)
        return `${code(name)} (s6-overlay's${name === 'legacy-cont-init' ? ': runs /etc/cont-finish.d' : ''})`
      if (step.kept)
        return `${code(name)} (${step.kept === 'essential' ? 'flag-essential' : 'needed by a flag-essential service'}: left running, until step 3)`
      if (step.type === 'oneshot') {
        const down = f.ctx.graph.services[name]
        return down?.type === 'oneshot' && down.down
          ? `${code(name)} (runs its down script${step.killAfterMs ? `, at most ${duration(step.killAfterMs)}` : ''})`
          : `${code(name)} (nothing to undo)`
      }
      const kill =
        step.killAfterMs === null ? 'no forced kill' : `SIGKILL after ${duration(step.killAfterMs)}`
      const finish =
        step.finishMs > 0 ? `, then ${code('finish')} (at most ${duration(step.finishMs)})` : ''
      return `${code(name)} (${step.signal ?? 'SIGTERM'}, ${kill}${finish})`
    })
    steps.push(`   ${i + 1}. ${parts.join('; ')}`)
  })
  if (shown.length < plan.waves.length) {
    const rest = plan.waves.slice(shown.length).reduce((n, w) => n + w.length, 0)
    steps.push(
      `   ${shown.length + 1}. … then ${plan.waves.length - shown.length} more rounds (${rest} services), down to s6-overlay's own`,
    )
  }
  steps.push(
    `3. Every process still alive gets SIGTERM; s6-overlay then waits ${code('S6_KILL_GRACETIME')} (${duration(Number(killGrace) || 0)}) in full, even if nothing is left, and sends SIGKILL.`,
    '4. The container exits.',
  )
  return steps
}

/** "How it fits together": dependency tree, process tree, graceful shutdown and its budget. */
export function architectureSection(f: ReadmeFacts): string[] {
  const out = ['## How it fits together', '', '### Dependencies', '']
  out.push(...block('text', dependencyTree(f)), '')
  if (f.ctx.graph.project.dependOnBase !== false) {
    out.push(
      `Every service also depends on s6-overlay's ${code('base')}, so nothing starts before ${code('/etc/cont-init.d')} has run.`,
      '',
    )
  }
  const tree = f.processes
  const plan = f.stop
  if (tree) {
    out.push(
      '### Processes',
      '',
      "What `ps` shows in a running container (s6's own helpers included):",
      '',
      ...block('text', drawTree(processItem(tree))),
      '',
    )
    const forking = f.longruns
      .filter(([, s]) => (s.children ?? []).length > 0)
      .map(([n]) => code(n))
    if (forking.length > 0) {
      out.push(
        `s6 supervises only the process each run script execs; ${listing(forking)} ${forking.length === 1 ? 'manages its' : 'manage their'} own children, which s6 leaves alone.`,
        '',
      )
    }
  }
  if (plan) {
    out.push('### Graceful shutdown', '', ...shutdownSteps(f, plan), '')
    if (plan.totalMs === null) {
      out.push(
        `Worst case: unbounded, because a longrun without ${code('timeout-kill')} can hold the stop until Docker's SIGKILL after ${duration(plan.dockerStopMs)}.`,
        '',
      )
    } else {
      const versus =
        plan.totalMs > plan.dockerStopMs
          ? `more than ${code('docker stop')}'s ${duration(plan.dockerStopMs)}`
          : `as long as ${code('docker stop')}'s ${duration(plan.dockerStopMs)}, so Docker's SIGKILL may come first`
      out.push(
        `Worst case: ${duration(plan.servicesMs ?? 0)} for the services plus ${duration(plan.killGraceMs)} of grace time = **${duration(plan.totalMs)}**, ${plan.overDockerStop ? `${versus}: use ${code(`docker stop -t ${stopSeconds(plan.totalMs)}`)} (or ${code('stop_grace_period')} in Compose), or shorten the timeouts.` : `within ${code('docker stop')}'s ${duration(plan.dockerStopMs)}.`}`,
        '',
      )
    }
  }
  return out
}
