'use client'

import { Panel, useReactFlow } from '@xyflow/react'
import { useCallback } from 'react'
import { useEditorStore, useEditorStoreApi } from '@/components/editor/editor-store-provider'
import { Button } from '@/components/ui/button'
import { Menu } from '@/components/ui/menu'
import type { ServiceGraph, ServiceType, XY } from '@/lib/graph/types'
import { TEMPLATES } from '@/lib/store/templates'
import { selectSingleSelected } from '@/lib/store/selectors'
import { tidyLayout } from './use-layout-missing'

const GRID = 16

/** A free spot near the middle of what the user sees. */
function freeSpot(graph: ServiceGraph, centre: XY): XY {
  const snap = (v: number) => Math.round(v / GRID) * GRID
  let p = { x: snap(centre.x - 108), y: snap(centre.y - 34) }
  const taken = Object.values(graph.layout)
  for (
    let i = 0;
    i < 50 && taken.some((t) => Math.abs(t.x - p.x) < 48 && Math.abs(t.y - p.y) < 48);
    i++
  ) {
    p = { x: p.x + 32, y: p.y + 32 }
  }
  return p
}

/** The canvas's own toolbar: add services, templates, tidy up. */
export function CanvasPalette() {
  const store = useEditorStoreApi()
  const rf = useReactFlow()
  const selected = useEditorStore(selectSingleSelected)
  const selectedType = useEditorStore((s) => (selected ? s.graph.services[selected] : undefined))

  const spot = useCallback(() => {
    const el = document.querySelector('.react-flow')
    const r = el?.getBoundingClientRect()
    const centre = r
      ? rf.screenToFlowPosition({ x: r.left + r.width / 2, y: r.top + r.height / 2 })
      : { x: 0, y: 0 }
    return freeSpot(store.getState().graph, centre)
  }, [rf, store])

  const add = (type: ServiceType) => store.getState().addService(type, { position: spot() })

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
              store.getState().addService(service.type, { name: t.name, service, position: spot() })
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
