import type { Metadata } from 'next'
import type { ReactNode } from 'react'
import { DocsHeader } from '@/components/docs/docs-header'
import { DocsSidebar } from '@/components/docs/docs-sidebar'
import './docs.css'
import '@/components/docs/prose.css'
import '@/components/docs/live/live.css'

export const metadata: Metadata = {
  title: { template: '%s · s6 Designer docs', default: 's6 Designer docs' },
}

export default function DocsLayout({ children }: { children: ReactNode }) {
  return (
    <div className="docs">
      <a className="skip-link" href="#docs-content">
        Skip to content
      </a>
      <DocsHeader />
      <div className="docs-shell">
        <DocsSidebar />
        <main id="docs-content" className="docs-main">
          {children}
        </main>
      </div>
    </div>
  )
}
