import type { Metadata, Viewport } from 'next'
import type { ReactNode } from 'react'
import { THEME_SCRIPT } from '@/components/ui/theme'
import './globals.css'

export const metadata: Metadata = {
  title: 's6 Designer',
  description:
    'Design s6-overlay services as a graph and download the s6-rc.d tree, Dockerfile stage and docs.',
}

export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#f6f6f7' },
    { media: '(prefers-color-scheme: dark)', color: '#0e0e11' },
  ],
}

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
      </head>
      <body>{children}</body>
    </html>
  )
}
