/**
 * What the page shows before the designer has loaded. Its styles are the designer's (editor.css,
 * in the stylesheet the page links).
 */
export function EditorSkeleton() {
  return (
    <div className="app" aria-busy="true">
      <header className="topbar">
        <span className="brand">
          <span className="brand-mark" aria-hidden="true">
            s6
          </span>
          <span className="brand-name">s6 Designer</span>
        </span>
      </header>
      <div className="workspace">
        <div className="canvas-column skeleton-canvas">
          <p className="skeleton-text">Loading the designer…</p>
          <noscript>
            <p className="skeleton-text skeleton-noscript">
              The designer needs JavaScript. The <a href="/docs/">docs</a> read without it.
            </p>
          </noscript>
        </div>
        <aside className="side-panel" />
      </div>
    </div>
  )
}
