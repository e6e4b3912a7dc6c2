/** Arrowheads for the three edge kinds, referenced by id from the edges' `markerEnd`. */
export function EdgeMarkers() {
  return (
    <svg className="edge-markers" aria-hidden="true" width="0" height="0">
      <defs>
        <marker
          id="s6d-arrow-dependency"
          viewBox="0 0 10 10"
          refX="9"
          refY="5"
          markerWidth="7"
          markerHeight="7"
          orient="auto-start-reverse"
        >
          <path d="M0 1 L9 5 L0 9 z" className="marker-dependency" />
        </marker>
        <marker
          id="s6d-arrow-membership"
          viewBox="0 0 10 10"
          refX="8"
          refY="5"
          markerWidth="8"
          markerHeight="8"
          orient="auto-start-reverse"
        >
          <path d="M1 5 L5 1.5 L9 5 L5 8.5 z" className="marker-membership" />
        </marker>
        <marker
          id="s6d-arrow-pipeline"
          viewBox="0 0 10 10"
          refX="9"
          refY="5"
          markerWidth="7"
          markerHeight="7"
          orient="auto-start-reverse"
        >
          <path d="M0 1 L9 5 L0 9 z" className="marker-pipeline" />
        </marker>
      </defs>
    </svg>
  )
}
