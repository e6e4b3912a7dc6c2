'use client'

import { useReactFlow } from '@xyflow/react'
import { useEffect, useMemo, useRef, useState } from 'react'
import { Icon } from '@/components/ui/icons'
import type { ServiceName, ServiceType } from '@/lib/graph/types'
import { useEditorStore, useEditorStoreApi } from './editor-store-provider'

function rank(name: string, query: string): number {
  const n = name.toLowerCase()
  const q = query.toLowerCase()
  if (q === '') return 1
  if (n === q) return 0
  if (n.startsWith(q)) return 1
  if (n.includes(q)) return 2
  // Letters in order (w-k-r matches worker).
  let i = 0
  for (const ch of n) if (ch === q[i]) i++
  return i === q.length ? 3 : -1
}

/** Ctrl/⌘+K: find a service by name, select it and bring it into view. */
export function SearchDialog() {
  const store = useEditorStoreApi()
  const open = useEditorStore((s) => s.ui.searchOpen)
  const services = useEditorStore((s) => s.graph.services)
  const rf = useReactFlow()
  const [query, setQuery] = useState('')
  const [active, setActive] = useState(0)
  const inputRef = useRef<HTMLInputElement>(null)

  const results = useMemo(() => {
    const list: { name: ServiceName; type: ServiceType; score: number }[] = []
    for (const [name, s] of Object.entries(services)) {
      const score = rank(name, query.trim())
      if (score >= 0) list.push({ name, type: s.type, score })
    }
    return list.sort((a, b) => a.score - b.score || (a.name < b.name ? -1 : 1)).slice(0, 50)
  }, [services, query])

  useEffect(() => {
    if (open) inputRef.current?.focus()
  }, [open])

  if (!open) return null

  const close = () => {
    store.getState().setSearchOpen(false)
    setQuery('')
    setActive(0)
  }
  const pick = (name: ServiceName) => {
    close()
    store.getState().selectService(name)
    void rf
      .fitView({ nodes: [{ id: name }], duration: 250, maxZoom: 1.2, padding: 0.6 })
      .then(() => {
        document
          .querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(name)}"]`)
          ?.focus()
      })
  }
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault()
      close()
    } else if (e.key === 'ArrowDown') {
      e.preventDefault()
      setActive((a) => Math.min(a + 1, results.length - 1))
    } else if (e.key === 'ArrowUp') {
      e.preventDefault()
      setActive((a) => Math.max(a - 1, 0))
    } else if (e.key === 'Enter') {
      e.preventDefault()
      const hit = results[active]
      if (hit) pick(hit.name)
    }
  }

  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && close()}>
      <div className="search-dialog" role="dialog" aria-modal="true" aria-label="Find a service">
        <div className="search-input-row">
          <Icon name="search" size={16} />
          <input
            ref={inputRef}
            className="search-input"
            placeholder="Find a service by name…"
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
                pick(r.name)
              }}
            >
              <Icon name={r.type} size={14} className={`search-type type-${r.type}`} />
              <span className="search-name">{r.name}</span>
              <span className="search-kind">{r.type}</span>
            </li>
          ))}
        </ul>
      </div>
    </div>
  )
}
