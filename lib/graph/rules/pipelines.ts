/**
 * Pipeline rules (FORMAT §3; RC-C `resolve_prodcons`, `s6rc_db_check_pipelines`): links declared
 * on both sides, between longruns, without loops, and pipeline names on last consumers.
 */
import { compareNames } from '../service-graph'
import type { Longrun, ServiceName } from '../types'
import type { Findings } from './report'
import { show } from './report'
import type { Context } from './structure'
import { crNote, isDefined } from './structure'

/**
 * Pipeline links (RC-C `resolve_prodcons`, `s6rc_db_check_pipelines`). Returns the producers on
 * pipeline cycles, whose implicit dependency edges the cycle check then leaves out.
 */
export function checkPipelines(ctx: Context, out: Findings): Set<ServiceName> {
  const { graph } = ctx.shaped
  const longrun = (n: string): Longrun | undefined => {
    const s = Object.hasOwn(graph.services, n) ? graph.services[n] : undefined
    return s?.type === 'longrun' ? s : undefined
  }
  const kindOf = (n: string) =>
    Object.hasOwn(graph.services, n)
      ? `a ${graph.services[n]!.type}`
      : ctx.pipelineOwner.has(n)
        ? 'a pipeline name'
        : 'an s6-overlay service'
  for (const name of ctx.names) {
    const s = graph.services[name]!
    if (s.type !== 'longrun') continue
    const c = s.producerFor
    if (c !== undefined) {
      const at = { service: name, field: 'producerFor', file: 'producer-for' }
      if (!isDefined(ctx, c)) {
        out.add({
          code: 'pipeline-missing',
          ...at,
          message: `${show(name)} sends its output to ${show(c)}, which is not defined${crNote(c)}.`,
        })
      } else if (!longrun(c)) {
        if (!ctx.shaped.malformed.has(c)) {
          out.add({
            code: 'pipeline-not-longrun',
            ...at,
            message: `${show(name)} sends its output to ${show(c)}, which is ${kindOf(c)}, not a longrun.`,
          })
        }
      } else if (!(longrun(c)!.consumerFor ?? []).includes(name)) {
        out.add({
          code: 'pipeline-one-sided',
          ...at,
          message: `${show(name)} sends its output to ${show(c)}, but ${show(c)} does not list ${show(name)} in its consumer-for.`,
          fix: `Add ${show(name)} to ${show(c)}'s consumer-for, or clear ${show(name)}'s producer-for.`,
        })
      }
    }
    const consumed = s.consumerFor ?? []
    consumed.forEach((p, i) => {
      const at = { service: name, field: `consumerFor.${i}`, file: 'consumer-for' }
      if (consumed.indexOf(p) < i) {
        out.add({
          code: 'duplicate-reference',
          ...at,
          message: `${show(name)} lists ${show(p)} twice in its consumer-for.`,
        })
        return
      }
      const producer = longrun(p)
      if (!isDefined(ctx, p)) {
        out.add({
          code: 'pipeline-missing',
          ...at,
          message: `${show(name)} reads the output of ${show(p)}, which is not defined${crNote(p)}.`,
        })
      } else if (!producer) {
        if (!ctx.shaped.malformed.has(p)) {
          out.add({
            code: 'pipeline-not-longrun',
            ...at,
            message: `${show(name)} reads the output of ${show(p)}, which is ${kindOf(p)}, not a longrun.`,
          })
        }
      } else if (producer.producerFor !== name) {
        const actual = producer.producerFor
          ? `sends its output to ${show(producer.producerFor)}`
          : 'has no producer-for'
        out.add({
          code: 'pipeline-one-sided',
          ...at,
          message: `${show(name)} reads the output of ${show(p)}, but ${show(p)} ${actual}.`,
          fix: `Set ${show(p)}'s producer-for to ${show(name)}, or remove ${show(p)} from ${show(name)}'s consumer-for.`,
        })
      }
    })
    if (
      s.pipelineName !== undefined &&
      ((s.consumerFor ?? []).length === 0 || s.producerFor !== undefined)
    ) {
      out.add({
        code: 'pipeline-name-ignored',
        service: name,
        field: 'pipelineName',
        file: 'pipeline-name',
        message:
          (s.consumerFor ?? []).length === 0
            ? `${show(name)} has a pipeline name but reads no producer's output, so s6-rc ignores the name.`
            : `${show(name)} has a pipeline name but also sends its output on to ${show(s.producerFor!)}; only the last consumer's pipeline name counts.`,
      })
    }
  }
  return checkPipelineCycles(ctx, longrun, out)
}

function checkPipelineCycles(
  ctx: Context,
  longrun: (n: string) => Longrun | undefined,
  out: Findings,
): Set<ServiceName> {
  const onCycle = new Set<ServiceName>()
  const state = new Map<ServiceName, number>() // 1 = on the current walk, 2 = done
  // Every member of a cycle sends its output on, so only producers can start one.
  for (const start of ctx.names) {
    if (state.has(start) || longrun(start)?.producerFor === undefined) continue
    const walk: ServiceName[] = []
    let n: ServiceName | undefined = start
    while (n !== undefined && !state.has(n) && longrun(n)) {
      state.set(n, 1)
      walk.push(n)
      n = longrun(n)!.producerFor
    }
    if (n !== undefined && state.get(n) === 1) {
      const loop = walk.slice(walk.indexOf(n))
      const first = [...loop].sort(compareNames)[0]!
      const rotated = [
        ...loop.slice(loop.indexOf(first)),
        ...loop.slice(0, loop.indexOf(first)),
        first,
      ]
      for (const m of loop) onCycle.add(m)
      out.add({
        code: 'pipeline-cycle',
        service: first,
        field: 'producerFor',
        file: 'producer-for',
        message: `Pipeline cycle: ${rotated.map(show).join(' -> ')} (each sends its output to the next), so the pipeline has no end.`,
        fix: `Clear the producer-for of one of them, for example ${show(first)}.`,
      })
    }
    for (const m of walk) state.set(m, 2)
  }
  return onCycle
}
