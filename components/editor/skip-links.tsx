'use client'

/**
 * The first stops of the page for a keyboard user: past the top bar to the canvas (its first
 * node) or to the details panel (its selected tab), instead of tabbing through every control.
 * Hidden until focused.
 */
export function SkipLinks() {
  const jump = (selector: string) => (e: React.MouseEvent) => {
    const target = document.querySelector<HTMLElement>(selector)
    if (!target) return
    e.preventDefault()
    target.focus()
  }
  return (
    <nav className="editor-skip" aria-label="Skip links">
      <a href="#canvas" onClick={jump('.react-flow__node, .palette button')}>
        Skip to the canvas
      </a>
      <a href="#details" onClick={jump('.side-tab[aria-selected="true"]')}>
        Skip to the details panel
      </a>
    </nav>
  )
}
