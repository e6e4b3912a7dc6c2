'use client'

import { Panel, useReactFlow } from '@xyflow/react'
import { useCallback } from 'react'
import { useEditorStore, useEditorStoreApi } from '@/components/editor/editor-store-provider'
import { Button } from '@/components/ui/button'
import { Menu } from '@/components/ui/menu'
import { freeSpot } from '@/lib/graph/layout'
import type { ServiceType } from '@/lib/graph/types'
import { TEMPLATES } from '@/lib/store/templates'
import { selectSingleSelected } from '@/lib/store/selectors'
import { tidyLayout } from './use-layout-missing'

/** The canvas's own toolbar: add services, templates, tidy up. */
export function CanvasPalette() {
  const store = useEditorStoreApi()
  const rf = useReactFlow()
  const selected = useEditorStore(selectSingleSelected)
  const selectedType = useEditorStore((s) => (selected ? s.graph.services[selected] : undefined))

  // A free spot near the middle of what the user sees, in sight if there is room: clear of the
  // palette above and the legend below.
  const spot = useCallback(
    (type: ServiceType) => {
      const r = document.querySelector('.react-flow')?.getBoundingClientRect()
      if (!r) return freeSpot(store.getState().graph, { x: 0, y: 0 }, type)
      const topLeft = rf.screenToFlowPosition({ x: r.left + 16, y: r.top + 72 })
      const bottomRight = rf.screenToFlowPosition({ x: r.right - 16, y: r.bottom - 56 })
      const centre = rf.screenToFlowPosition({ x: r.left + r.width / 2, y: r.top + r.height / 2 })
      return freeSpot(store.getState().graph, centre, type, {
        x: topLeft.x,
        y: topLeft.y,
        width: bottomRight.x - topLeft.x,
        height: bottomRight.y - topLeft.y,
      })
    },
    [rf, store],
  )

  // The new service's name is focused (and selected), so typing names it.
  const add = (type: ServiceType) => {
    const name = store.getState().addService(type, { position: spot(type) })
    store.getState().requestFocus('name', name)
    store.getState().announce(`Added the ${type} ${name}; type to rename it.`)
  }

  const canLog =
    selectedType?.type === 'longrun' &&
    !selectedType.producerFor &&
    !selectedType.consumerFor?.length

  return (
    <Panel position="top-left" className="palette" aria-label="Add to the graph">
      <Button
        icon="oneshot"
        className="palette-oneshot"
        aria-label="Add oneshot"
        title="Add a oneshot: a script run once at boot"
        onClick={() => add('oneshot')}
      >
        Oneshot
      </Button>
      <Button
        icon="longrun"
        className="palette-longrun"
        aria-label="Add longrun"
        title="Add a longrun: a supervised daemon"
        onClick={() => add('longrun')}
      >
        Longrun
      </Button>
      <Button
        icon="bundle"
        className="palette-bundle"
        aria-label="Add bundle"
        title="Add a bundle: a name for a group of services"
        onClick={() => add('bundle')}
      >
        Bundle
      </Button>
      <span className="palette-sep" aria-hidden="true" />
      <Menu
        label="Templates"
        icon="template"
        ariaLabel="Templates: add a common piece"
        heading="Templates"
        items={[
          ...TEMPLATES.map((t) => ({
            id: t.id,
            label: t.title,
            description: t.description,
            icon: t.build().type === 'oneshot' ? ('oneshot' as const) : ('longrun' as const),
            onSelect: () => {
              const service = t.build()
              const name = store
                .getState()
                .addService(service.type, { name: t.name, service, position: spot(service.type) })
              store.getState().requestFocus('name', name)
            },
          })),
          {
            id: 'logger',
            label:
              selected && canLog ? `Logger for ${selected}` : 'Logger for the selected longrun',
            description: 'An s6-log pipeline with its log-prepare oneshot.',
            icon: 'logger' as const,
            disabled: !canLog,
            onSelect: () => {
              if (selected) store.getState().addLogger(selected)
            },
          },
        ]}
      />
      <span className="palette-sep" aria-hidden="true" />
      <Button
        icon="layout"
        aria-label="Auto-layout"
        title="Tidy up: lay out left to right in start order (Shift+Alt+T)"
        data-action="auto-layout"
        onClick={() => void tidyLayout(store)}
      />
    </Panel>
  )
}
