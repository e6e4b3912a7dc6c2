'use client'

import { useRouter } from 'next/navigation'
import { useEffect, useId, useMemo, useRef, useState } from 'react'
import { searchDocs, searchTerms, type SearchIndex } from '@/lib/docs/search-index'
import { Highlighted } from './highlighted'

/** Built at build time by app/docs/search-index.json/route.ts. */
export const SEARCH_INDEX_URL = '/docs/search-index.json'

let indexPromise: Promise<SearchIndex> | undefined

function loadIndex(): Promise<SearchIndex> {
  indexPromise ??= fetch(SEARCH_INDEX_URL).then((r) => {
    if (!r.ok) throw new Error(`search index: HTTP ${r.status}`)
    return r.json() as Promise<SearchIndex>
  })
  indexPromise.catch(() => {
    indexPromise = undefined
  })
  return indexPromise
}

/**
 * Full-text search over every docs page, in the browser: the index is fetched on first focus,
 * then each keystroke is scored locally. `/` or Ctrl+K focuses it.
 */
export function SearchBox() {
  const router = useRouter()
  const input = useRef<HTMLInputElement>(null)
  const listId = useId()
  const [index, setIndex] = useState<SearchIndex | undefined>()
  const [failed, setFailed] = useState(false)
  const [query, setQuery] = useState('')
  const [open, setOpen] = useState(false)
  const [cursor, setCursor] = useState(0)

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const typing = e.target instanceof HTMLElement && e.target.closest('input, textarea, select')
      if ((e.key === '/' && !typing) || (e.key === 'k' && (e.metaKey || e.ctrlKey))) {
        e.preventDefault()
        input.current?.focus()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])

  const hits = useMemo(() => (index ? searchDocs(index, query) : []), [index, query])
  const terms = useMemo(() => searchTerms(query), [query])

  function onFocus() {
    setOpen(true)
    if (!index) {
      loadIndex().then(setIndex, () => setFailed(true))
    }
  }

  function go(href: string) {
    setOpen(false)
    setQuery('')
    input.current?.blur()
    router.push(href)
  }

  function onKeyDown(e: React.KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'ArrowDown') {
      e.preventDefault()
      setCursor((c) => Math.min(c + 1, hits.length - 1))
    } else if (e.key === 'ArrowUp') {
      e.preventDefault()
      setCursor((c) => Math.max(c - 1, 0))
    } else if (e.key === 'Enter') {
      const hit = hits[cursor]
      if (hit) go(hit.entry.href)
    } else if (e.key === 'Escape') {
      setOpen(false)
      input.current?.blur()
    }
  }

  const showPanel = open && query.trim() !== ''
  return (
    <div className="search" data-open={showPanel || undefined}>
      <svg className="search-icon" viewBox="0 0 24 24" width="16" height="16" aria-hidden="true">
        <circle cx="11" cy="11" r="7" fill="none" stroke="currentColor" strokeWidth="2" />
        <path d="m20 20-3.5-3.5" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
      </svg>
      <input
        ref={input}
        type="search"
        className="search-input"
        placeholder="Search the docs"
        aria-label="Search the docs"
        role="combobox"
        aria-expanded={showPanel}
        aria-controls={listId}
        aria-autocomplete="list"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value)
          setCursor(0)
          setOpen(true)
        }}
        onFocus={onFocus}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={onKeyDown}
      />
      <kbd className="search-kbd" aria-hidden="true">
        /
      </kbd>
      {showPanel ? (
        <div className="search-panel" data-testid="search-results">
          {failed ? (
            <p className="search-empty">The search index could not be loaded.</p>
          ) : !index ? (
            <p className="search-empty">Loading…</p>
          ) : hits.length === 0 ? (
            <p className="search-empty">Nothing matches “{query.trim()}”.</p>
          ) : (
            <ul id={listId} role="listbox" aria-label="Search results">
              {hits.map((hit, i) => (
                <li key={hit.entry.href} role="option" aria-selected={i === cursor}>
                  <a
                    href={hit.entry.href}
                    className="search-hit"
                    data-active={i === cursor || undefined}
                    onMouseEnter={() => setCursor(i)}
                    onMouseDown={(e) => {
                      e.preventDefault()
                      go(hit.entry.href)
                    }}
                  >
                    <span className="search-hit-title">
                      {hit.entry.page}
                      {hit.entry.section ? (
                        <>
                          <span className="search-hit-sep" aria-hidden="true">
                            ›
                          </span>
                          {hit.entry.section}
                        </>
                      ) : null}
                    </span>
                    <span className="search-hit-snippet">
                      <Highlighted text={hit.snippet} terms={terms} />
                    </span>
                  </a>
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : null}
    </div>
  )
}
