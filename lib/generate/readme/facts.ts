/** What the README sections need to know about the graph, computed once per export. */
import { shellWord } from '../scripts'
import { closure, processTree, stopPlan } from '../../plan/plan'
import type { ProcessNode, StopPlan } from '../../plan/plan'
import type { Bundle, Longrun, Oneshot, ServiceName } from '../../graph/types'
import type { ExportContext } from '../context'
import { inRepo } from '../context'
import { defaultTag } from '../build-script'
import type { FilePaths } from '../file-map'
import { SOURCE_DIR } from '../service-dir'

export interface Pipeline {
  name: ServiceName
  /** Longruns in the pipeline, producers first, the named consumer last. */
  members: ServiceName[]
}

export interface ReadmeFacts {
  ctx: ExportContext
  /** The export's files apart from the README itself. */
  files: FilePaths
  oneshots: Array<[ServiceName, Oneshot]>
  longruns: Array<[ServiceName, Longrun]>
  /** User-defined bundles (not `user`/`user2`). */
  bundles: Array<[ServiceName, Bundle]>
  pipelines: Pipeline[]
  /** Atomic services `s6-rc -u change top` brings up (the graph's own, sorted). */
  boot: Set<ServiceName>
  /** Path of the README, Dockerfile, build script in the export. */
  paths: { readme: string; dockerfile: string; build: string; graph: string }
  /** `./docker/s6/build.sh`: how the docs call the build script from the repository root. */
  buildCommand: string
  /** The image tag build.sh uses by default. */
  tag: string
  /** The container name the docs' examples use. */
  container: string
  /** Where the user bundle's contents.d lives in the image. */
  userContentsDir: string
  /** Longruns in the order `user` lists them (bundles and pipelines opened), then the rest. */
  longrunOrder: ServiceName[]
  /** Services something else depends on (directly). */
  dependedOn: Set<ServiceName>
  /** The stop plan and the process tree of `user` (undefined if planning failed). */
  stop?: StopPlan
  processes?: ProcessNode
}

function attempt<T>(fn: () => T): T | undefined {
  try {
    return fn()
  } catch {
    return undefined
  }
}

function longrunOrder(ctx: ExportContext, pipelines: readonly Pipeline[]): ServiceName[] {
  const out: ServiceName[] = []
  const seen = new Set<ServiceName>()
  const byPipeline = new Map(pipelines.map((p) => [p.name, p.members]))
  const visit = (name: ServiceName) => {
    if (seen.has(name)) return
    seen.add(name)
    const s = ctx.graph.services[name]
    if (s?.type === 'longrun') out.push(name)
    else if (s?.type === 'bundle') (s.contents ?? []).forEach(visit)
    else byPipeline.get(name)?.forEach(visit)
  }
  visit('user')
  for (const [name, s] of ctx.services) if (s.type === 'longrun' && !seen.has(name)) out.push(name)
  return out
}

/** The log folder a logger writes to, from `logutil-service DIR` or `s6-log … DIR` in its run. */
export function logDirectory(service: Longrun): string | undefined {
  const words = service.run.body.split(/\s+/)
  const at = words.findIndex((w) => w === 'logutil-service' || w.endsWith('/logutil-service'))
  if (at >= 0 && words[at + 1]?.startsWith('/')) return words[at + 1]
  if (words.some((w) => w === 's6-log' || w.endsWith('/s6-log'))) {
    return [...words].reverse().find((w) => /^\/[^\s]*$/.test(w))
  }
  return undefined
}

function pipelinesOf(longruns: ReadonlyMap<ServiceName, Longrun>): Pipeline[] {
  const out: Pipeline[] = []
  for (const [name, s] of longruns) {
    if (!s.pipelineName) continue
    const members: ServiceName[] = []
    const seen = new Set<ServiceName>()
    const visit = (n: ServiceName) => {
      if (seen.has(n)) return
      seen.add(n)
      for (const p of longruns.get(n)?.consumerFor ?? []) visit(p)
      members.push(n)
    }
    visit(name)
    out.push({ name: s.pipelineName, members })
  }
  return out
}

/** Collects the facts; `files` is the export without the README. */
export function readmeFacts(ctx: ExportContext, files: FilePaths): ReadmeFacts {
  const oneshots: Array<[ServiceName, Oneshot]> = []
  const longruns: Array<[ServiceName, Longrun]> = []
  const bundles: Array<[ServiceName, Bundle]> = []
  for (const [name, s] of ctx.services) {
    if (s.type === 'oneshot') oneshots.push([name, s])
    else if (s.type === 'longrun') longruns.push([name, s])
    else if (name !== 'user' && name !== 'user2') bundles.push([name, s])
  }
  const boot = new Set(attempt(() => closure(ctx.graph)) ?? [])
  const dependedOn = new Set<ServiceName>()
  for (const [, s] of ctx.services)
    if (s.type !== 'bundle') for (const d of s.dependencies ?? []) dependedOn.add(d)
  const stop = attempt(() => stopPlan(ctx.graph))
  const processes = attempt(() => processTree(ctx.graph))
  const layout =
    ctx.release.userBundleLayout === 'user-bundles.d'
      ? '/etc/s6-overlay/user-bundles.d'
      : SOURCE_DIR
  const readme = inRepo(ctx, 'README.md')
  const pipelines = pipelinesOf(new Map(longruns))
  return {
    ctx,
    files,
    oneshots,
    longruns,
    bundles,
    pipelines,
    boot,
    paths: {
      readme,
      dockerfile: inRepo(ctx, 'Dockerfile'),
      build: inRepo(ctx, 'build.sh'),
      graph: inRepo(ctx, 's6-designer.json'),
    },
    // Quoted when the project folder needs it (a space…), so the command can be pasted.
    buildCommand: shellWord(`./${inRepo(ctx, 'build.sh')}`),
    tag: defaultTag(ctx),
    container: defaultTag(ctx).split(':')[0] ?? 'app',
    userContentsDir: `${layout}/user/contents.d`,
    longrunOrder: longrunOrder(ctx, pipelines),
    dependedOn,
    ...(stop ? { stop } : {}),
    ...(processes ? { processes } : {}),
  }
}
