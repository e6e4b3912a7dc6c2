import {
  highlightParts,
  searchDocsForgiving,
  searchTerms,
  type SearchHit,
  type SearchIndex,
} from '@/lib/docs/search-index'

let indexPromise: Promise<SearchIndex> | undefined

function loadIndex(url: string): Promise<SearchIndex> {
  indexPromise ??= fetch(url).then((r) => {
    if (!r.ok) throw new Error(`search index: HTTP ${r.status}`)
    return r.json() as Promise<SearchIndex>
  })
  indexPromise.catch(() => {
    indexPromise = undefined
  })
  return indexPromise
}

/** Text with the search terms in <mark>, built from text nodes (never parsed as HTML). */
function highlighted(text: string, terms: string[]): Node[] {
  return highlightParts(text, terms).map((part, i) => {
    if (i % 2 === 0) return document.createTextNode(part)
    const mark = document.createElement('mark')
    mark.textContent = part
    return mark
  })
}

function hitItem(hit: SearchHit, terms: string[], active: boolean, i: number): HTMLLIElement {
  const li = document.createElement('li')
  li.id = `docs-hit-${i}`
  li.setAttribute('role', 'option')
  li.setAttribute('aria-selected', String(active))
  const a = document.createElement('a')
  a.href = hit.entry.href
  a.className = 'search-hit'
  if (active) a.dataset.active = ''
  const title = document.createElement('span')
  title.className = 'search-hit-title'
  title.append(hit.entry.page)
  if (hit.entry.section) {
    const sep = document.createElement('span')
    sep.className = 'search-hit-sep'
    sep.setAttribute('aria-hidden', 'true')
    sep.textContent = '›'
    title.append(sep, hit.entry.section)
  }
  const snippet = document.createElement('span')
  snippet.className = 'search-hit-snippet'
  snippet.append(...highlighted(hit.snippet, terms))
  a.append(title, snippet)
  li.append(a)
  return li
}

/**
 * The header's search field: the index is fetched on first focus, each keystroke is scored
 * locally; arrows move, Enter opens, Escape closes (then clears), the focus staying in the field;
 * `/` or Ctrl+K focuses it. The results are announced through a live region.
 */
export function initSearch(): void {
  const root = document.querySelector<HTMLElement>('.search[data-search-url]')
  const input = root?.querySelector<HTMLInputElement>('.search-input')
  const panel = root?.querySelector<HTMLElement>('.search-panel')
  const list = panel?.querySelector<HTMLUListElement>('ul')
  const empty = panel?.querySelector<HTMLElement>('.search-empty')
  const status = root?.querySelector<HTMLElement>('.search-status')
  if (!root || !input || !panel || !list || !empty || !status) return
  const url = root.dataset.searchUrl ?? ''

  let index: SearchIndex | undefined
  let failed = false
  let open = false
  let hits: SearchHit[] = []
  let cursor = 0

  // The field stays focused; screen readers follow the highlighted option through this.
  const point = () => {
    if (hits[cursor]) input.setAttribute('aria-activedescendant', `docs-hit-${cursor}`)
    else input.removeAttribute('aria-activedescendant')
  }

  const setCursor = (next: number) => {
    cursor = next
    point()
    list.querySelectorAll('li').forEach((li, i) => {
      li.setAttribute('aria-selected', String(i === cursor))
      const a = li.querySelector<HTMLElement>('.search-hit')
      if (a && i === cursor) a.dataset.active = ''
      else if (a) delete a.dataset.active
    })
  }

  const render = () => {
    const query = input.value
    const show = open && query.trim() !== ''
    root.toggleAttribute('data-open', show)
    input.setAttribute('aria-expanded', String(show))
    panel.hidden = !show
    if (!show) {
      input.removeAttribute('aria-activedescendant')
      return
    }
    const found = index ? searchDocsForgiving(index, query) : { hits: [] }
    hits = found.hits
    cursor = Math.min(cursor, Math.max(hits.length - 1, 0))
    const message = failed
      ? 'The search index could not be loaded.'
      : !index
        ? 'Loading…'
        : hits.length === 0
          ? `Nothing matches “${query.trim()}”.`
          : found.corrected !== undefined
            ? `Nothing matches “${query.trim()}”; showing results for “${found.corrected}”.`
            : ''
    empty.hidden = message === ''
    empty.textContent = message
    const terms = searchTerms(found.corrected ?? query)
    list.hidden = hits.length === 0
    list.replaceChildren(...hits.map((hit, i) => hitItem(hit, terms, i === cursor, i)))
    point()
    const said =
      message || `${hits.length} result${hits.length === 1 ? '' : 's'}; arrows choose, Enter opens.`
    if (status.textContent !== said) status.textContent = said
  }

  const go = (href: string) => {
    open = false
    render()
    window.location.assign(href)
  }

  window.addEventListener('keydown', (e) => {
    const typing = e.target instanceof Element && e.target.closest('input, textarea, select')
    if ((e.key === '/' && !typing) || (e.key === 'k' && (e.metaKey || e.ctrlKey))) {
      e.preventDefault()
      input.focus()
    }
  })
  input.addEventListener('focus', () => {
    open = true
    if (!index) {
      failed = false
      loadIndex(url).then(
        (loaded) => {
          index = loaded
          render()
        },
        () => {
          failed = true
          render()
        },
      )
    }
    render()
  })
  input.addEventListener('input', () => {
    cursor = 0
    open = true
    render()
  })
  input.addEventListener('blur', () => {
    setTimeout(() => {
      open = false
      render()
    }, 150)
  })
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault()
      setCursor(Math.min(cursor + 1, hits.length - 1))
    } else if (e.key === 'ArrowUp') {
      e.preventDefault()
      setCursor(Math.max(cursor - 1, 0))
    } else if (e.key === 'Enter') {
      const hit = hits[cursor]
      if (hit) go(hit.entry.href)
    } else if (e.key === 'Escape') {
      // The focus stays in the field: a first Escape closes the results, a second clears it.
      e.preventDefault()
      if (open && input.value.trim() !== '') open = false
      else input.value = ''
      render()
    }
  })
  list.addEventListener('mouseover', (e) => {
    const li = e.target instanceof Element ? e.target.closest('li') : null
    const i = li ? [...list.children].indexOf(li) : -1
    if (i >= 0 && i !== cursor) setCursor(i)
  })
  // mousedown, not click: the field's blur would close the panel before a click lands.
  list.addEventListener('mousedown', (e) => {
    const a = e.target instanceof Element ? e.target.closest('a') : null
    // Middle or modified clicks keep their browser meaning (a new tab, a new window).
    if (!a || e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return
    e.preventDefault()
    go(a.href)
  })
}
