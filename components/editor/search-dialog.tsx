'use client'

import { useReactFlow } from '@xyflow/react'
import { useEffect, useMemo, useRef, useState } from 'react'
import { focusNodeWhenDrawn } from '@/components/canvas/bring-into-view'
import { Icon } from '@/components/ui/icons'
import { type FoundService, findServices } from '@/lib/graph/find-services'
import { useEditorStore, useEditorStoreApi } from './editor-store-provider'
import { motionMs } from '@/components/ui/motion'

/**
 * Ctrl/⌘+K: find a service by name or by what it holds, select it and bring it into view (a
 * match in a field opens that field).
 */
export function SearchDialog() {
  const store = useEditorStoreApi()
  const open = useEditorStore((s) => s.ui.searchOpen)
  const rf = useReactFlow()
  const [query, setQuery] = useState('')
  const [active, setActive] = useState(0)
  const inputRef = useRef<HTMLInputElement>(null)

  const graph = useEditorStore((s) => s.graph)
  const results = useMemo(() => findServices(graph, query), [graph, query])
  // Where the focus was before the dialog: it goes back there when the dialog closes unused.
  const returnTo = useRef<HTMLElement | null>(null)

  useEffect(() => {
    if (!open) return
    returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null
    inputRef.current?.focus()
  }, [open])

  if (!open) return null

  const close = (restoreFocus: boolean) => {
    store.getState().setSearchOpen(false)
    setQuery('')
    setActive(0)
    if (restoreFocus && returnTo.current?.isConnected) returnTo.current.focus()
  }
  const pick = ({ name, field }: FoundService) => {
    close(false)
    store.getState().selectService(name)
    void rf
      .fitView({ nodes: [{ id: name }], duration: motionMs(250), maxZoom: 1.2, padding: 0.6 })
      .then(() => {
        // A match in a field opens that field; a name match focuses the node.
        if (field !== undefined) store.getState().requestFocus(field, name)
        else focusNodeWhenDrawn(name)
      })
  }
  // On the dialog: Escape closes it wherever the focus is in it, and Tab stays in the field
  // (the only control; the results are its options).
  const onDialogKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault()
      close(true)
    } else if (e.key === 'Tab') {
      e.preventDefault()
      inputRef.current?.focus()
    }
  }
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault()
      setActive((a) => Math.min(a + 1, results.length - 1))
    } else if (e.key === 'ArrowUp') {
      e.preventDefault()
      setActive((a) => Math.max(a - 1, 0))
    } else if (e.key === 'Enter') {
      e.preventDefault()
      const hit = results[active]
      if (hit) pick(hit)
    }
  }

  return (
    <div
      className="dialog-backdrop"
      onMouseDown={(e) => e.target === e.currentTarget && close(true)}
    >
      <div
        className="search-dialog"
        role="dialog"
        aria-modal="true"
        aria-label="Find a service"
        onKeyDown={onDialogKeyDown}
      >
        <div className="search-input-row">
          <Icon name="search" size={16} />
          <input
            ref={inputRef}
            className="search-input"
            placeholder="Find a service by name, script, variable…"
            aria-label="Service name"
            role="combobox"
            aria-expanded="true"
            aria-controls="search-results"
            aria-activedescendant={results[active] ? `search-${results[active].name}` : undefined}
            value={query}
            onChange={(e) => {
              setQuery(e.target.value)
              setActive(0)
            }}
            onKeyDown={onKeyDown}
          />
          <kbd>Esc</kbd>
        </div>
        <ul className="search-results" id="search-results" role="listbox" aria-label="Services">
          {results.length === 0 ? (
            <li className="search-empty">No service matches “{query}”.</li>
          ) : null}
          {results.map((r, i) => (
            <li
              key={r.name}
              id={`search-${r.name}`}
              role="option"
              aria-selected={i === active}
              className="search-result"
              onMouseEnter={() => setActive(i)}
              onMouseDown={(e) => {
                e.preventDefault()
                pick(r)
              }}
            >
              <Icon name={r.type} size={14} className={`search-type type-${r.type}`} />
              <span className="search-name">{r.name}</span>
              {r.where !== undefined ? <span className="search-where">{r.where}</span> : null}
              <span className="search-kind">{r.type}</span>
            </li>
          ))}
        </ul>
      </div>
    </div>
  )
}
