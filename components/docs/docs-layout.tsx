import Head from 'next/head'
import type { ReactNode } from 'react'
import { DocsHeader } from './docs-header'
import { DocsSidebar } from './docs-sidebar'

/**
 * The frame of every docs page. The pages are plain HTML: they ship no React. One small module
 * script (components/docs/client/, loaded by pages/_document.tsx) adds search, copy buttons,
 * the theme toggle, the phone menu and the table of contents highlight, and mounts the live
 * examples as they scroll into view.
 */
export function DocsLayout({
  title,
  description,
  activeHref,
  children,
}: {
  /** The page title; undefined for the docs home. */
  title?: string
  description?: string
  activeHref: string
  children: ReactNode
}) {
  return (
    <>
      <Head>
        <title>{title ? `${title} · s6 Designer docs` : 's6 Designer docs'}</title>
        {description ? <meta name="description" content={description} /> : null}
      </Head>
      <div className="docs">
        <a className="skip-link" href="#docs-content">
          Skip to content
        </a>
        <DocsHeader />
        <div className="docs-shell">
          <DocsSidebar activeHref={activeHref} />
          <main id="docs-content" className="docs-main">
            {children}
          </main>
        </div>
      </div>
    </>
  )
}
