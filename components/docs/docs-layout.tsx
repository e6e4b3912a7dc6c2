import Head from 'next/head'
import type { ReactNode } from 'react'
import { DocsHeader } from './docs-header'
import { DocsSidebar } from './docs-sidebar'

/** What every docs page gets from its getStaticProps besides its own data. */
export interface DocsPageProps {
  /** The URL of the docs script (lib/docs/client-entry.ts). */
  clientScript: string
}

/**
 * The frame of every docs page. The pages are plain HTML: they ship no React. One small module
 * script (components/docs/client/) adds search, copy buttons, the theme toggle, the phone menu
 * and the table of contents highlight, and mounts the live examples as they scroll into view.
 */
export function DocsLayout({
  title,
  description,
  activeHref,
  clientScript,
  children,
}: DocsPageProps & {
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
        {/* A module script runs after the page is parsed; `defer` says so to the linter too. */}
        <script type="module" src={clientScript} defer />
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
