import type { AppProps } from 'next/app'
import '@/app/globals.css'
import '@/components/docs/docs.css'
import '@/components/docs/prose.css'
import '@/components/docs/live/live.css'

/** Every Pages Router route is a docs page: the site's base styles plus the docs' own. */
export default function DocsApp({ Component, pageProps }: AppProps) {
  return <Component {...pageProps} />
}
