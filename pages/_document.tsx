import { Head, Html, Main, NextScript } from 'next/document'
import { THEME_SCRIPT } from '@/components/ui/theme'

/**
 * The HTML around the docs pages (the only Pages Router routes). They are rendered at build
 * time and ship no React: see components/docs/docs-layout.tsx for the script they load instead.
 */
export default function Document() {
  return (
    <Html lang="en">
      <Head>
        <script dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
        <meta name="theme-color" media="(prefers-color-scheme: light)" content="#f6f6f7" />
        <meta name="theme-color" media="(prefers-color-scheme: dark)" content="#0e0e11" />
        <link rel="icon" href="/icon.svg" type="image/svg+xml" />
      </Head>
      <body>
        <Main />
        <NextScript />
      </body>
    </Html>
  )
}
