import type { StartPlan, TimelineEntry } from '@/lib/plan/plan'

const NODE_W = 156
const NODE_H = 46
const COL_GAP = 56
const ROW_GAP = 14
const PAD = 16
const HEADER = 28
/** Where a node's text starts: clear of a longrun's bar, of a oneshot's round end. */
const TEXT_X = { longrun: 14, oneshot: 20 } as const

interface Placed {
  entry: TimelineEntry
  x: number
  y: number
}

/** Columns by start wave, rows by name within a wave. */
function place(plan: StartPlan): { nodes: Map<string, Placed>; width: number; height: number } {
  const byWave = new Map<number, TimelineEntry[]>()
  for (const e of plan.timeline) byWave.set(e.wave, [...(byWave.get(e.wave) ?? []), e])
  const waves = [...byWave.keys()].sort((a, b) => a - b)
  const nodes = new Map<string, Placed>()
  let rows = 0
  waves.forEach((wave, col) => {
    const entries = (byWave.get(wave) ?? []).sort(
      (a, b) => Number(a.overlay) - Number(b.overlay) || (a.name < b.name ? -1 : 1),
    )
    rows = Math.max(rows, entries.length)
    entries.forEach((entry, row) => {
      nodes.set(entry.name, {
        entry,
        x: PAD + col * (NODE_W + COL_GAP),
        y: PAD + HEADER + row * (NODE_H + ROW_GAP),
      })
    })
  })
  const width =
    PAD * 2 + Math.max(1, waves.length) * NODE_W + Math.max(0, waves.length - 1) * COL_GAP
  const height = PAD * 2 + HEADER + Math.max(1, rows) * (NODE_H + ROW_GAP) - ROW_GAP
  return { nodes, width, height }
}

/**
 * The dependency edges worth drawing: an edge u -> v is left out when v also reaches u through
 * another of its dependencies (s6-rc follows the chain anyway), which keeps the picture legible.
 */
export function visibleEdges(plan: StartPlan): Array<[from: string, to: string]> {
  const deps = new Map(
    plan.timeline.map((e) => [e.name, e.dependencies.filter((d) => d !== e.name)]),
  )
  const memo = new Map<string, Set<string>>()
  const ancestors = (name: string, seen: Set<string> = new Set()): Set<string> => {
    const known = memo.get(name)
    if (known) return known
    const out = new Set<string>()
    if (seen.has(name)) return out
    seen.add(name)
    for (const d of deps.get(name) ?? []) {
      if (!deps.has(d)) continue
      out.add(d)
      for (const a of ancestors(d, seen)) out.add(a)
    }
    memo.set(name, out)
    return out
  }
  const edges: Array<[string, string]> = []
  for (const [to, list] of deps) {
    const shown = list.filter((d) => deps.has(d))
    for (const from of shown) {
      const implied = shown.some((other) => other !== from && ancestors(other).has(from))
      if (!implied) edges.push([from, to])
    }
  }
  return edges
}

function shorten(name: string, max = 19): string {
  return name.length > max ? `${name.slice(0, max - 1)}…` : name
}

/** The narrowest the drawing gets (px) before its box scrolls instead: below, text is too small. */
export const MIN_DIAGRAM_WIDTH = 480

/**
 * A read-only drawing of a start plan: one column per wave, an arrow from each dependency to
 * its dependent. s6-overlay's own services are drawn quieter.
 */
export function GraphDiagram({ plan, label }: { plan: StartPlan; label: string }) {
  const { nodes, width, height } = place(plan)
  const columns = [...new Set([...nodes.values()].map((n) => n.x))].sort((a, b) => a - b)
  return (
    <svg
      className="graph-diagram"
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      style={{ maxWidth: width, minWidth: Math.min(width, MIN_DIAGRAM_WIDTH) }}
      role="img"
      aria-label={label}
    >
      <defs>
        <marker
          id="gd-arrow"
          viewBox="0 0 10 10"
          refX="9"
          refY="5"
          markerWidth="7"
          markerHeight="7"
          orient="auto-start-reverse"
        >
          <path d="M0 0 10 5 0 10z" className="gd-arrowhead" />
        </marker>
      </defs>
      {columns.map((x, i) => (
        <text key={x} x={x + NODE_W / 2} y={PAD + 12} className="gd-wave" textAnchor="middle">
          {`Wave ${i + 1}`}
        </text>
      ))}
      {visibleEdges(plan).flatMap(([dep, name]) => {
        const from = nodes.get(dep)
        const to = nodes.get(name)
        if (!from || !to) return []
        const x1 = from.x + NODE_W
        const y1 = from.y + NODE_H / 2
        const x2 = to.x - 2
        const y2 = to.y + NODE_H / 2
        const mid = (x2 - x1) / 2
        return [
          <path
            key={`${dep}->${name}`}
            d={`M${x1} ${y1} C${x1 + mid} ${y1} ${x2 - mid} ${y2} ${x2} ${y2}`}
            className={`gd-edge${from.entry.overlay ? ' gd-edge-overlay' : ''}`}
            markerEnd="url(#gd-arrow)"
          />,
        ]
      })}
      {[...nodes.values()].map(({ entry, x, y }) => (
        <g
          key={entry.name}
          className={`gd-node gd-${entry.type}${entry.overlay ? ' gd-overlay' : ''}`}
          data-service={entry.name}
          data-wave={entry.wave}
        >
          <title>{`${entry.name} (${entry.overlay ? 's6-overlay ' : ''}${entry.type})`}</title>
          {/* As on the designer's canvas: a oneshot is a pill, a longrun a card with a bar. */}
          <rect
            x={x}
            y={y}
            width={NODE_W}
            height={NODE_H}
            rx={entry.type === 'oneshot' ? NODE_H / 2 : 9}
            className="gd-box"
          />
          {entry.type === 'longrun' ? (
            <rect x={x} y={y + 9} width="4" height={NODE_H - 18} rx="2" className="gd-bar" />
          ) : null}
          <text x={x + TEXT_X[entry.type]} y={y + 20} className="gd-name">
            {shorten(entry.name, entry.type === 'oneshot' ? 17 : 19)}
          </text>
          <text x={x + TEXT_X[entry.type]} y={y + 36} className="gd-type">
            {entry.overlay ? `s6-overlay · ${entry.type}` : entry.type}
          </text>
        </g>
      ))}
    </svg>
  )
}

/**
 * A drawing in a box that scrolls sideways when the box is narrower than the drawing can
 * shrink to (phones), with a line saying so (CSS shows it only then: a container query on
 * the box's width).
 */
export function ScrollableDiagram({ plan, label }: { plan: StartPlan; label: string }) {
  const { width } = place(plan)
  return (
    <div className="live-scroll-box">
      <div className="live-scroll">
        <GraphDiagram plan={plan} label={label} />
      </div>
      {width >= MIN_DIAGRAM_WIDTH ? (
        <p className="live-scroll-hint" aria-hidden="true">
          Scroll sideways for every wave <span>→</span>
        </p>
      ) : null}
    </div>
  )
}
