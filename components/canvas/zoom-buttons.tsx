'use client'

import { ControlButton, useReactFlow, useStore } from '@xyflow/react'
import type { FitViewOptions } from '@xyflow/react'
import { useShallow } from 'zustand/react/shallow'
import { Icon } from '@/components/ui/icons'

/** A zoom button that, at its limit, does nothing and says so (see ZoomButtons). */
function ZoomButton(props: {
  name: 'In' | 'Out'
  icon: 'plus' | 'minus'
  atLimit: boolean
  limit: string
  onZoom: () => void
}) {
  return (
    <ControlButton
      className={`react-flow__controls-zoom${props.name.toLowerCase()}`}
      aria-label={`Zoom ${props.name}`}
      title={
        props.atLimit ? `Zoom ${props.name} (at the ${props.limit} zoom)` : `Zoom ${props.name}`
      }
      aria-disabled={props.atLimit}
      onClick={() => {
        if (!props.atLimit) props.onZoom()
      }}
    >
      <Icon name={props.icon} size={14} />
    </ControlButton>
  )
}

/**
 * Zoom in, zoom out and fit, as React Flow's controls offer them, except that a button at its
 * limit stays focusable (aria-disabled, not disabled): React Flow disables it, and the
 * keyboard focus then fell to the page at the lowest or highest zoom.
 */
export function ZoomButtons({ fitViewOptions }: { fitViewOptions: FitViewOptions }) {
  const { zoomIn, zoomOut, fitView } = useReactFlow()
  const [atMin, atMax] = useStore(
    useShallow((s): [boolean, boolean] => [
      s.transform[2] <= s.minZoom,
      s.transform[2] >= s.maxZoom,
    ]),
  )
  return (
    <>
      <ZoomButton
        name="In"
        icon="plus"
        atLimit={atMax}
        limit="closest"
        onZoom={() => void zoomIn()}
      />
      <ZoomButton
        name="Out"
        icon="minus"
        atLimit={atMin}
        limit="farthest"
        onZoom={() => void zoomOut()}
      />
      <ControlButton
        className="react-flow__controls-fitview"
        aria-label="Fit View"
        title="Fit View"
        onClick={() => void fitView(fitViewOptions)}
      >
        <Icon name="fit" size={14} />
      </ControlButton>
    </>
  )
}
