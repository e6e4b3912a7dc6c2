import type { Heading } from '@/lib/docs/mdx-text'

/**
 * "On this page": the page's h2/h3 headings; the docs script (client/toc.ts) marks the one
 * being read.
 */
export function TableOfContents({ headings }: { headings: Heading[] }) {
  if (headings.length === 0) return null
  return (
    <nav className="toc" aria-label="On this page">
      <p className="toc-title">On this page</p>
      <ul>
        {headings.map((h, i) => (
          <li key={h.id} className={h.depth === 3 ? 'toc-sub' : undefined}>
            <a href={`#${h.id}`} aria-current={i === 0 ? 'location' : undefined}>
              {h.text}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  )
}

/**
 * "On this page" for screens too narrow for the side column: a closed disclosure under the
 * page title (CSS shows one or the other). Not `.toc`, so the scroll spy keeps to one list.
 */
export function InlineTableOfContents({ headings }: { headings: Heading[] }) {
  if (headings.length < 2) return null
  return (
    <details className="toc-inline">
      <summary>On this page</summary>
      <nav aria-label="On this page">
        <ul>
          {headings.map((h) => (
            <li key={h.id} className={h.depth === 3 ? 'toc-sub' : undefined}>
              <a href={`#${h.id}`}>{h.text}</a>
            </li>
          ))}
        </ul>
      </nav>
    </details>
  )
}
