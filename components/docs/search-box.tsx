/** Built at build time by app/docs/search-index.json/route.ts. */
export const SEARCH_INDEX_URL = '/docs/search-index.json'

/**
 * Full-text search over every docs page: the field and an empty results panel. The docs script
 * (client/search.ts) fetches the index on first focus and scores each keystroke locally.
 * `/` or Ctrl+K focuses it.
 */
export function SearchBox() {
  return (
    <div className="search" data-search-url={SEARCH_INDEX_URL}>
      <svg className="search-icon" viewBox="0 0 24 24" width="16" height="16" aria-hidden="true">
        <circle cx="11" cy="11" r="7" fill="none" stroke="currentColor" strokeWidth="2" />
        <path d="m20 20-3.5-3.5" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
      </svg>
      <input
        type="search"
        className="search-input"
        placeholder="Search"
        aria-label="Search the docs"
        role="combobox"
        aria-expanded="false"
        aria-controls="docs-search-results"
        aria-autocomplete="list"
        autoComplete="off"
      />
      <kbd className="search-kbd" aria-hidden="true">
        /
      </kbd>
      {/* Said to screen readers as the results change; stays mounted, its text replaced. */}
      <p className="search-status sr-only" role="status" aria-live="polite" />
      <div className="search-panel" data-testid="search-results" hidden>
        <p className="search-empty" hidden />
        <ul id="docs-search-results" role="listbox" aria-label="Search results" />
      </div>
    </div>
  )
}
