import type { StartPlan, StopPlan } from '@/lib/plan/plan'

function waveOf(plan: StartPlan): Map<string, number> {
  return new Map(plan.timeline.map((e) => [e.name, e.wave]))
}

/** The start waves and the shutdown order as text, marking services whose wave moved. */
export function OrderLists({
  start,
  stop,
  before,
}: {
  start: StartPlan
  stop: StopPlan
  before: StartPlan
}) {
  const overlay = new Set(start.timeline.filter((e) => e.overlay).map((e) => e.name))
  const was = waveOf(before)
  const now = waveOf(start)
  const item = (name: string) => {
    const prev = was.get(name)
    const cur = now.get(name)
    const moved = prev !== undefined && cur !== undefined && prev !== cur
    return (
      <li
        key={name}
        className={`order-chip${overlay.has(name) ? ' order-chip-overlay' : ''}${moved ? ' order-chip-moved' : ''}`}
        title={moved ? `Was in wave ${(prev ?? 0) + 1}` : undefined}
      >
        {name}
      </li>
    )
  }
  return (
    <div className="order-lists">
      <div>
        <h4 className="order-heading">Start waves</h4>
        <ol className="order-waves" data-testid="start-waves">
          {start.waves.map((wave, i) => (
            <li key={i} data-wave={i + 1}>
              <span className="order-step">{i + 1}</span>
              <ul className="order-chips">{wave.map(item)}</ul>
            </li>
          ))}
        </ol>
      </div>
      <div>
        <h4 className="order-heading">Shutdown order</h4>
        <ol className="order-waves" data-testid="stop-order">
          {stop.waves.map((wave, i) => (
            <li key={i} data-wave={i + 1}>
              <span className="order-step">{i + 1}</span>
              <ul className="order-chips">{wave.map(item)}</ul>
            </li>
          ))}
        </ol>
      </div>
    </div>
  )
}
