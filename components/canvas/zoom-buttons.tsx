'use client'

import { ControlButton, useReactFlow, useStore } from '@xyflow/react'
import type { FitViewOptions } from '@xyflow/react'
import { useShallow } from 'zustand/react/shallow'
import { Icon } from '@/components/ui/icons'

/**
 * Zoom in, zoom out and fit, as React Flow's controls offer them, except that a button at its
 * limit stays focusable (aria-disabled, not disabled): React Flow disables it, and the
 * keyboard focus then fell to the page at the lowest or highest zoom.
 */
export function ZoomButtons({ fitViewOptions }: { fitViewOptions: FitViewOptions }) {
  const { zoomIn, zoomOut, fitView } = useReactFlow()
  const [atMin, atMax] = useStore(
    useShallow((s) => [s.transform[2] <= s.minZoom, s.transform[2] >= s.maxZoom]),
  )
  return (
    <>
      <ControlButton
        className="react-flow__controls-zoomin"
        aria-label="Zoom In"
        title={atMax ? 'Zoom In (at the closest zoom)' : 'Zoom In'}
        aria-disabled={atMax}
        onClick={() => {
          if (!atMax) void zoomIn()
        }}
      >
        <Icon name="plus" size={14} />
      </ControlButton>
      <ControlButton
        className="react-flow__controls-zoomout"
        aria-label="Zoom Out"
        title={atMin ? 'Zoom Out (at the farthest zoom)' : 'Zoom Out'}
        aria-disabled={atMin}
        onClick={() => {
          if (!atMin) void zoomOut()
        }}
      >
        <Icon name="minus" size={14} />
      </ControlButton>
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
