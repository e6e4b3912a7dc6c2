'use client'

import { BaseEdge, type EdgeProps, getBezierPath, Position } from '@xyflow/react'
import { memo } from 'react'
import type { ServiceFlowEdge } from './to-flow-elements'

/** How far a loop goes out past its ends, and below the lower of them, in flow px. */
const LOOP_OUT = 48
const LOOP_BELOW = 64

/**
 * An edge of the canvas. Most run left to right (the layout puts what starts first on the
 * left) and are drawn as React Flow's bezier. One whose target is left of its source, the back
 * edge of a cycle or a design arranged by hand, is drawn as a loop: out to the right, under
 * both ends, and into the target from its left, instead of a bezier through both nodes.
 */
export const ServiceEdge = memo(function ServiceEdge({
  sourceX,
  sourceY,
  targetX,
  targetY,
  sourcePosition = Position.Right,
  targetPosition = Position.Left,
  label,
  labelStyle,
  labelShowBg,
  labelBgStyle,
  labelBgPadding,
  labelBgBorderRadius,
  style,
  markerEnd,
  markerStart,
  interactionWidth,
}: EdgeProps<ServiceFlowEdge>) {
  let path: string
  let labelX: number
  let labelY: number
  if (targetX >= sourceX) {
    ;[path, labelX, labelY] = getBezierPath({
      sourceX,
      sourceY,
      sourcePosition,
      targetX,
      targetY,
      targetPosition,
    })
  } else {
    const below = Math.max(sourceY, targetY) + LOOP_BELOW
    const out = sourceX + LOOP_OUT
    const into = targetX - LOOP_OUT
    path =
      `M ${sourceX} ${sourceY} C ${out} ${sourceY} ${out} ${below} ${sourceX} ${below} ` +
      `L ${targetX} ${below} C ${into} ${below} ${into} ${targetY} ${targetX} ${targetY}`
    labelX = (sourceX + targetX) / 2
    labelY = below
  }
  return (
    <BaseEdge
      path={path}
      labelX={labelX}
      labelY={labelY}
      label={label}
      labelStyle={labelStyle}
      labelShowBg={labelShowBg}
      labelBgStyle={labelBgStyle}
      labelBgPadding={labelBgPadding}
      labelBgBorderRadius={labelBgBorderRadius}
      style={style}
      markerEnd={markerEnd}
      markerStart={markerStart}
      interactionWidth={interactionWidth}
    />
  )
})
