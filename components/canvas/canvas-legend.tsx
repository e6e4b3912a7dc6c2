import { Panel } from '@xyflow/react'

/** What the edges mean and which way they read. */
export function CanvasLegend() {
  return (
    <Panel position="bottom-left" className="legend" aria-label="Legend">
      <span
        className="legend-item"
        title="A dependency: the left service starts first; the right one depends on it."
      >
        <svg width="34" height="10" aria-hidden="true">
          <line x1="1" y1="5" x2="26" y2="5" className="legend-dependency" />
          <path d="M25 1 L33 5 L25 9 z" className="marker-dependency" />
        </svg>
        starts before
      </span>
      <span
        className="legend-item"
        title="The left service is a member of the bundle on the right."
      >
        <svg width="34" height="10" aria-hidden="true">
          <line x1="1" y1="5" x2="25" y2="5" className="legend-membership" />
          <path d="M25 5 L29 1.5 L33 5 L29 8.5 z" className="marker-membership" />
        </svg>
        in bundle
      </span>
      <span
        className="legend-item"
        title="A service's output goes to its logger, which starts first and sits to its left."
      >
        <svg width="34" height="10" aria-hidden="true">
          <line x1="8" y1="5" x2="33" y2="5" className="legend-pipeline" />
          <path d="M9 1 L1 5 L9 9 z" className="marker-pipeline" />
        </svg>
        output
      </span>
      <span className="legend-sep" aria-hidden="true" />
      <span className="legend-item">
        <span className="legend-swatch swatch-oneshot" aria-hidden="true" /> oneshot
      </span>
      <span className="legend-item">
        <span className="legend-swatch swatch-longrun" aria-hidden="true" /> longrun
      </span>
      <span className="legend-item">
        <span className="legend-swatch swatch-bundle" aria-hidden="true" /> bundle
      </span>
    </Panel>
  )
}
