'use client'

import '@xyflow/react/dist/base.css'
import './canvas.css'
import {
  Background,
  BackgroundVariant,
  type Connection,
  ControlButton,
  Controls,
  type EdgeChange,
  type FinalConnectionState,
  MiniMap,
  type NodeChange,
  type OnBeforeDelete,
  ReactFlow,
  useReactFlow,
  useStore,
} from '@xyflow/react'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { isEditableTarget } from '@/components/editor/editable-target'
import { useEditorStore, useEditorStoreApi } from '@/components/editor/editor-store-provider'
import { refocusCanvas } from '@/components/ui/focus-fallback'
import { describeRemoval } from '@/components/editor/removal-message'
import type { XY } from '@/lib/graph/types'
import { parseEdgeId } from '@/lib/store/edge-ids'
import type { EdgeRef } from '@/lib/store/types'
import { bringIntoView, useKeepDesignInView } from './bring-into-view'
import { CanvasLegend } from './canvas-legend'
import { CanvasPalette } from './canvas-palette'
import { connectionIntent, orient } from './connection-intent'
import { ConnectionLine } from './connection-line'
import { EdgeMarkers } from './edge-markers'
import { EmptyHint } from './empty-hint'
import { edgeTypes, nodeTypes } from './node-types'
import { type ServiceFlowEdge, type ServiceFlowNode, createFlowMapper } from './to-flow-elements'
import { useLayoutMissing } from './use-layout-missing'
import { useMinimapShown } from './use-minimap-shown'
import { ZoomButtons } from './zoom-buttons'
import { Icon } from '@/components/ui/icons'
import { motionMs } from '@/components/ui/motion'

const SNAP: [number, number] = [16, 16]
const DELETE_KEYS = ['Delete', 'Backspace']
const FIT = {
  padding: { top: '76px', bottom: '64px', left: '72px', right: '56px' },
  maxZoom: 1.2,
} as const
/**
 * A canvas shorter than this (a preview open in a short window, a laptop at 200% zoom) has no
 * room for the toolbar's and the zoom buttons' margins: fitting then pads by a tenth.
 */
const SHORT = 320
const SHORT_FIT = { padding: 0.1, maxZoom: 1.2 } as const
/**
 * Above this many services the canvas saves work: only what is on screen is rendered, and
 * membership edges are drawn solid (dashed strokes are slow to repaint while panning).
 */
const LARGE = 200

function nodeAt(clientX: number, clientY: number): string | undefined {
  const el = document.elementFromPoint(clientX, clientY)?.closest<HTMLElement>('.react-flow__node')
  return el?.dataset.id
}

function pointOf(event: MouseEvent | TouchEvent): XY {
  if ('changedTouches' in event) {
    const t = event.changedTouches[0]
    return { x: t?.clientX ?? 0, y: t?.clientY ?? 0 }
  }
  return { x: event.clientX, y: event.clientY }
}

/** The overview's size in px. */
const MINIMAP_SIZE = { width: 168, height: 126 }

/** The canvas: draws the graph with React Flow and turns its events into store actions. */
export function ServiceCanvas() {
  const store = useEditorStoreApi()
  const graph = useEditorStore((s) => s.graph)
  const selection = useEditorStore((s) => s.selection)
  const checked = useEditorStore((s) => s.checkedGraph)
  const fitRequest = useEditorStore((s) => s.ui.fitViewRequest)
  const revealRequest = useEditorStore((s) => s.ui.revealRequest)
  const [mapper] = useState(createFlowMapper)
  const rf = useReactFlow<ServiceFlowNode, ServiceFlowEdge>()
  const paneHeight = useStore((s) => s.height)
  const short = paneHeight > 0 && paneHeight < SHORT
  const fit = short ? SHORT_FIT : FIT
  const [initialViewport] = useState(() => store.getState().ui.viewport)
  const [minimapShown, toggleMinimap] = useMinimapShown()

  const nodes = useMemo(
    () => mapper.nodes(graph, selection, checked),
    [mapper, graph, selection, checked],
  )
  const large = nodes.length > LARGE
  const edges = useMemo(() => mapper.edges(graph, selection), [mapper, graph, selection])
  useLayoutMissing()

  useEffect(() => {
    if (fitRequest === 0) return
    // Wait a frame so newly placed nodes are measured.
    const id = requestAnimationFrame(() => void rf.fitView({ ...fit, duration: motionMs(200) }))
    return () => cancelAnimationFrame(id)
  }, [fitRequest, rf, fit])

  // The canvas went short or tall again (a preview opened or closed in a short window): fit
  // anew, or the design stays at the size it had to take in the short canvas.
  const wasShort = useRef<boolean | null>(null)
  useEffect(() => {
    if (paneHeight === 0) return
    if (wasShort.current !== null && wasShort.current !== short) store.getState().requestFitView()
    wasShort.current = short
  }, [paneHeight, short, store])

  useKeepDesignInView(rf, fit)

  // Undo and redo select what they changed: bring it on screen (a frame later, once drawn).
  useEffect(() => {
    if (revealRequest === 0) return
    const id = requestAnimationFrame(() => bringIntoView(rf, store.getState().selection.services))
    return () => cancelAnimationFrame(id)
  }, [revealRequest, rf, store])

  // Zoom from the keyboard, outside text fields: + (or =, unshifted) in, - out, Shift+1 fits
  // the design in view as the fit button does.
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || isEditableTarget(e.target)) return
      if (e.key === '+' || e.key === '=') void rf.zoomIn({ duration: motionMs(150) })
      else if (e.key === '-') void rf.zoomOut({ duration: motionMs(150) })
      else if (e.shiftKey && e.code === 'Digit1')
        void rf.fitView({ ...fit, duration: motionMs(200) })
      else return
      e.preventDefault()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [rf, fit])

  const onNodesChange = useCallback(
    (changes: NodeChange<ServiceFlowNode>[]) => {
      const s = store.getState()
      const moved: Record<string, XY> = {}
      let dragging = false
      let dragEnded = false
      let selected: Set<string> | undefined
      for (const c of changes) {
        if (c.type === 'position' && c.position) {
          moved[c.id] = { x: Math.round(c.position.x), y: Math.round(c.position.y) }
          if (c.dragging) dragging = true
          else dragEnded = true
        } else if (c.type === 'dimensions' && c.dimensions) {
          mapper.setMeasured(c.id, c.dimensions)
        } else if (c.type === 'select') {
          selected ??= new Set(s.selection.services)
          if (c.selected) selected.add(c.id)
          else selected.delete(c.id)
        }
      }
      if (Object.keys(moved).length > 0) {
        if (dragging || s.gestureBase !== undefined) {
          s.moveServices(moved, { transient: true })
          if (dragEnded && !dragging) store.getState().endGesture()
        } else {
          // Arrow-key nudges of one selection coalesce into one step.
          s.moveServices(moved, { coalesce: `nudge:${Object.keys(moved).sort().join(',')}` })
        }
      }
      if (selected) s.setSelection({ services: [...selected] })
    },
    [store, mapper],
  )

  const onEdgesChange = useCallback(
    (changes: EdgeChange<ServiceFlowEdge>[]) => {
      const s = store.getState()
      let selected: Set<string> | undefined
      for (const c of changes) {
        if (c.type !== 'select') continue
        selected ??= new Set(s.selection.edges)
        if (c.selected) selected.add(c.id)
        else selected.delete(c.id)
      }
      if (selected) s.setSelection({ edges: [...selected] })
    },
    [store],
  )

  const onNodeDragStop = useCallback(() => store.getState().endGesture(), [store])
  // A click on a node is to look at it: the side panel shows the inspector, whatever tab it had.
  const onNodeClick = useCallback(() => store.getState().setSideTab('inspector'), [store])

  // A double-click on a node's name is to rename it: the inspector's Name field, selected.
  const onNodeDoubleClick = useCallback(
    (e: React.MouseEvent, n: ServiceFlowNode) => {
      if (e.target instanceof Element && e.target.closest('.node-name'))
        store.getState().requestFocus('name', n.id)
    },
    [store],
  )

  const onBeforeDelete: OnBeforeDelete<ServiceFlowNode, ServiceFlowEdge> = useCallback(
    async ({ nodes: gone, edges: goneEdges }) => {
      const s = store.getState()
      const refs = goneEdges
        .map((e) => parseEdgeId(e.id))
        .filter((e): e is EdgeRef => e !== undefined)
      const summary = s.deleteElements(
        gone.map((n) => n.id),
        refs,
      )
      const message = describeRemoval(summary, refs.length)
      if (message) s.showNotice({ message, tone: 'info', action: { label: 'Undo', kind: 'undo' } })
      refocusCanvas()
      // The store did the deletion; React Flow must not apply its own.
      return false
    },
    [store],
  )

  const isValidConnection = useCallback(
    (c: ServiceFlowEdge | Connection) =>
      connectionIntent(store.getState().graph, c.source, c.target).ok,
    [store],
  )

  const onConnect = useCallback(
    (c: Connection) => {
      const s = store.getState()
      const intent = connectionIntent(s.graph, c.source, c.target)
      const result = s.connect(intent.from, intent.to)
      if (!result.ok) s.showNotice({ message: result.reason, tone: 'error' })
    },
    [store],
  )

  const onConnectEnd = useCallback(
    (event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
      if (!state.fromNode || !state.fromHandle) return
      const at = pointOf(event)
      const s = store.getState()
      // Over a handle React Flow already decided; a refusal is explained where the drop was.
      if (state.toHandle && state.toNode) {
        if (state.isValid === false) {
          const { source, target } = orient(
            state.fromNode.id,
            state.fromHandle.type,
            state.toNode.id,
          )
          const intent = connectionIntent(s.graph, source, target)
          s.showNotice({ message: intent.message, tone: 'error', anchor: at })
        }
        return
      }
      // Dropped on a node's body: treat it like its handle.
      const over = nodeAt(at.x, at.y)
      if (over === undefined || over === state.fromNode.id) return
      const { source, target } = orient(state.fromNode.id, state.fromHandle.type, over)
      const intent = connectionIntent(s.graph, source, target)
      if (!intent.ok) {
        s.showNotice({ message: intent.message, tone: 'error', anchor: at })
        return
      }
      s.connect(intent.from, intent.to)
    },
    [store],
  )

  const onMoveEnd = useCallback(
    (_: unknown, viewport: { x: number; y: number; zoom: number }) =>
      store.getState().setViewport(viewport),
    [store],
  )

  const onPaneClick = useCallback(() => store.getState().clearSelection(), [store])

  // Escape on a focused node or edge clears the selection and leaves the focus there (React
  // Flow would blur it, and the keyboard user would start again from the top of the page).
  const onKeyDownCapture = useCallback(
    (e: React.KeyboardEvent) => {
      if (e.key !== 'Escape') return
      if (
        !(e.target instanceof Element) ||
        !e.target.closest('.react-flow__node, .react-flow__edge')
      )
        return
      e.stopPropagation()
      store.getState().clearSelection()
    },
    [store],
  )

  return (
    <div
      className={`canvas${large ? ' is-large' : ''}`}
      data-testid="canvas"
      onKeyDownCapture={onKeyDownCapture}
    >
      <EdgeMarkers />
      <ReactFlow<ServiceFlowNode, ServiceFlowEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onNodeDragStop={onNodeDragStop}
        onNodeClick={onNodeClick}
        onNodeDoubleClick={onNodeDoubleClick}
        onSelectionDragStop={onNodeDragStop}
        onBeforeDelete={onBeforeDelete}
        onConnect={onConnect}
        onConnectEnd={onConnectEnd}
        isValidConnection={isValidConnection}
        connectionLineComponent={ConnectionLine}
        connectionRadius={28}
        onMoveEnd={onMoveEnd}
        onPaneClick={onPaneClick}
        deleteKeyCode={DELETE_KEYS}
        multiSelectionKeyCode={['Meta', 'Control', 'Shift']}
        selectionKeyCode="Shift"
        snapToGrid
        snapGrid={SNAP}
        minZoom={0.1}
        maxZoom={2}
        nodesFocusable
        // Edges are no tab stops: React Flow puts them all before the nodes, so the keyboard
        // met every edge first (hundreds in a large design). Each node's dependencies and
        // members are in the inspector, where the keyboard adds and removes them.
        edgesFocusable={false}
        autoPanOnNodeFocus
        onlyRenderVisibleElements={large}
        {...(initialViewport
          ? { defaultViewport: initialViewport }
          : { fitView: true, fitViewOptions: fit })}
        proOptions={{ hideAttribution: true }}
        ariaLabelConfig={{
          'node.a11yDescription.default':
            'Press Enter or Space to select, arrow keys to move, F2 to rename, Delete to remove.',
        }}
      >
        <Background variant={BackgroundVariant.Dots} gap={16} size={1.2} color="var(--grid-dot)" />
        <CanvasPalette />
        <Controls
          position="bottom-left"
          orientation="horizontal"
          showZoom={false}
          showFitView={false}
          showInteractive={false}
        >
          <ZoomButtons fitViewOptions={fit} />
          <ControlButton
            onClick={toggleMinimap}
            aria-pressed={minimapShown}
            aria-label="Overview map"
            title={minimapShown ? 'Hide the overview map' : 'Show the overview map'}
          >
            <Icon name="map" size={14} />
          </ControlButton>
        </Controls>
        {/* A short canvas is the design's: the legend and the overview would cover it. */}
        {short ? null : <CanvasLegend />}
        <EmptyHint />
        {minimapShown && !short ? (
          <MiniMap
            position="bottom-right"
            pannable
            zoomable
            ariaLabel="Overview of the graph"
            // The map draws at this size (its default is 200 x 150): the box and the map agree.
            style={MINIMAP_SIZE}
            nodeColor={(n) => `var(--${n.type ?? 'edge'})`}
            nodeBorderRadius={6}
            maskColor="var(--minimap-mask)"
          />
        ) : null}
      </ReactFlow>
    </div>
  )
}
