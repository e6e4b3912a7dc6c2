import {
  BOOT_TARGET,
  type BootFailureBehaviour,
  bootFailureBehaviour,
  OVERLAY_BUNDLES,
  OVERLAY_SERVICES,
} from '../../lib/graph/overlay'
import { pipelineNames } from '../../lib/graph/service-graph'
import type { ServiceGraph } from '../../lib/graph/types'
import { exactMs } from '../../lib/preview/time-scale'
import { bootTargets, closure, processTree, startPlan, stopPlan } from '../../lib/plan/plan'
import type { ProcessNode, StartPlan, StopPlan } from '../../lib/plan/plan'
import type { Command } from '../command'
import { UsageError } from '../command'
import {
  allDiagnostics,
  count,
  formatDiagnostics,
  loadGraph,
  onePositional,
  parseArgs,
  reportNoSource,
  summaryLine,
} from '../tree-source'

const USAGE = `Usage: s6-designer plan GRAPH.json|DIR [--json] [--target NAME]... [--plain]

Shows how s6-overlay starts and stops the design: the start waves of s6-rc -u change, the stop
order with each step's worst case against docker stop, and the process tree of the container.
- reads the graph (or a zip) from standard input.

  --target NAME  what to start (repeatable; default: top, what s6-overlay boots and
                 stops; with --plain, user)
  --json         print the plans as JSON
  --plain        bare s6-rc: base, user, top… are ordinary names, not s6-overlay's, and
                 none of s6-overlay's own services, grace time or process tree is shown

Exit status: 0 planned, 1 planned but the design has errors, 2 usage or read problem.`

/** "100 ms", "2.1 s", "never". */
export function formatMs(ms: number | null): string {
  if (ms === null) return 'unbounded'
  if (ms < 1000) return `${ms} ms`
  return `${Number((ms / 1000).toFixed(1))} s`
}

function formatStart(plan: StartPlan, boot?: BootFailureBehaviour): string[] {
  const fails = plan.failed.length > 0
  const lines = [
    `Start: s6-rc -u change ${plan.targets.join(' ')} (${plan.closure.length} services, ${fails ? 'fails after' : 'about'} ${formatMs(plan.totalMs)})`,
  ]
  plan.waves.forEach((wave, i) => lines.push(`  wave ${i + 1}  ${wave.join(', ')}`))
  if (plan.criticalPath.length > 0) lines.push(`  critical path: ${plan.criticalPath.join(' -> ')}`)
  for (const e of plan.timeline) {
    if (e.timedOut)
      lines.push(
        `  fails: ${e.name} is estimated to need ${exactMs(e.timedOut.estimateMs)}, more than its timeout-up of ${exactMs(e.endMs - e.startMs)}`,
      )
  }
  if (plan.notStarted.length > 0)
    lines.push(`  never started (something they need fails): ${plan.notStarted.join(', ')}`)
  if (plan.failed.length > 0 && boot)
    lines.push(`  the container then ${boot.what} (S6_BEHAVIOUR_IF_STAGE2_FAILS is ${boot.value})`)
  return lines
}

function formatStop(plan: StopPlan, overlay: boolean): string[] {
  const lines = [`Stop: s6-rc ${overlay ? '-bda' : '-da'} change (dependents first)`]
  const width = Math.max(0, ...plan.steps.map((s) => s.name.length))
  plan.steps.forEach((s) => {
    const how = s.kept
      ? `left running (${s.kept === 'essential' ? 'flag-essential' : 'needed by a flag-essential service'})`
      : s.type === 'longrun'
        ? `${s.signal ?? 'SIGTERM'}, SIGKILL ${s.killAfterMs === null ? 'never' : `after ${formatMs(s.killAfterMs)}`}${s.finishMs > 0 ? `, finish up to ${formatMs(s.finishMs)}` : ''}`
        : s.killAfterMs
          ? `down, up to ${formatMs(s.killAfterMs)}`
          : 'down (if any)'
    lines.push(
      `  ${String(s.wave + 1).padStart(2)}  ${s.name.padEnd(width)}  ${how.padEnd(44)}  budget ${formatMs(s.budgetMs)}`,
    )
  })
  if (!overlay) {
    lines.push(`  services: ${formatMs(plan.servicesMs)} worst case`)
    return lines
  }
  lines.push(
    `  services: ${formatMs(plan.servicesMs)} worst case, then S6_KILL_GRACETIME ${formatMs(plan.killGraceMs)} (always waited in full)`,
  )
  const total = `total ${formatMs(plan.totalMs)} against docker stop's ${formatMs(plan.dockerStopMs)}`
  lines.push(
    plan.overDockerStop
      ? `  ${total}: Docker may SIGKILL the container first; raise docker stop -t / stop_grace_period, or lower timeout-kill`
      : `  ${total}: fits`,
  )
  return lines
}

function drawTree(
  node: ProcessNode,
  prefix: string,
  last: boolean,
  root: boolean,
  out: string[],
): void {
  const count = node.count !== undefined ? ` × ${node.count}` : ''
  const label = `${node.label}${count}${node.quiet ? '  (s6 internal)' : ''}${node.idle ? '  (not started at boot)' : ''}${node.kind === 'init' ? '  (PID 1)' : ''}`
  out.push(root ? label : `${prefix}${last ? '└─ ' : '├─ '}${label}`)
  const childPrefix = root ? '' : `${prefix}${last ? '   ' : '│  '}`
  node.children.forEach((c, i) =>
    drawTree(c, childPrefix, i === node.children.length - 1, false, out),
  )
}

function knownTargets(graph: ServiceGraph, overlay: boolean): Set<string> {
  return new Set([
    ...Object.keys(graph.services),
    ...pipelineNames(graph),
    ...(overlay ? [...Object.keys(OVERLAY_SERVICES), ...OVERLAY_BUNDLES] : []),
  ])
}

export const planCommand: Command = {
  name: 'plan',
  summary: 'show start waves, stop budget and process tree of a design',
  usage: USAGE,
  run: async ({ args, stdout, stderr, cwd }) => {
    const parsed = parseArgs(args, { flags: ['--json', '--plain'], options: ['--target'] })
    const source = onePositional(parsed, 'GRAPH.json or DIR')
    const context = parsed.flags.has('--plain') ? 'plain' : 'overlay'
    const loaded = await loadGraph(cwd, source, { context, graphFiles: true })
    // A folder with no s6-rc source has nothing to plan: say so, rather than an empty plan.
    if (reportNoSource(loaded, `s6-designer plan: ${source}: no s6 services to plan`, stderr))
      return 2
    const graph = loaded.graph
    const targets = parsed.options.get('--target') ?? bootTargets({ context })
    const overlay = context === 'overlay'
    const known = knownTargets(graph, overlay)
    for (const t of targets)
      if (!known.has(t)) throw new UsageError(`unknown target ${t}: no such service or bundle`)
    const diagnostics = allDiagnostics(loaded, context)
    const errors = count(diagnostics, 'error')
    if (errors > 0)
      stderr(
        `${formatDiagnostics(
          diagnostics.filter((d) => d.severity === 'error'),
          loaded.report?.sourceDir,
        )}${summaryLine(diagnostics)}: the plan may not match what s6 does.\n`,
      )
    const start = startPlan(graph, targets, { context })
    const stop = stopPlan(graph, targets, { context })
    if (parsed.flags.has('--json')) {
      const common = {
        context,
        targets,
        closure: closure(graph, targets, { context }),
        startWaves: start.waves,
        startTotalMs: start.totalMs,
        startFailed: start.failed,
        startNotStarted: start.notStarted,
        criticalPath: start.criticalPath,
        timeline: start.timeline,
        stopOrder: stop.order,
        stopWaves: stop.waves,
        stopSteps: stop.steps,
        stopServicesMs: stop.servicesMs,
      }
      // s6-overlay's grace time, docker stop and PID 1 mean nothing for a bare s6-rc tree.
      const out = overlay
        ? {
            ...common,
            killGraceMs: stop.killGraceMs,
            stopTotalMs: stop.totalMs,
            dockerStopMs: stop.dockerStopMs,
            overDockerStop: stop.overDockerStop,
            processTree: processTree(graph),
          }
        : common
      stdout(`${JSON.stringify(out, null, 2)}\n`)
    } else {
      const boot =
        overlay && targets.length === 1 && targets[0] === BOOT_TARGET
          ? bootFailureBehaviour(graph.project)
          : undefined
      const lines = [...formatStart(start, boot), '', ...formatStop(stop, overlay)]
      if (overlay) {
        lines.push('', 'Process tree')
        drawTree(processTree(graph), '', true, true, lines)
      }
      stdout(`${lines.join('\n')}\n`)
    }
    return errors > 0 ? 1 : 0
  },
}
