/* eslint-disable @next/next/no-html-link-for-pages -- plain links on purpose: the 404 page is
   served for any address, and a full page load is the sure way out of it. */
import type { Metadata } from 'next'
import { EncodedLinkRedirect } from '@/components/share/encoded-link-redirect'

export const metadata: Metadata = { title: 'Page not found · s6 Designer' }

/**
 * Any address the site does not have (a moved docs page, a diagnostic code an old build linked
 * to): where to go on from here, instead of a bare 404. A share link whose `#` was written
 * as `%23` on the way lands here too, and is sent on to the designer.
 */
export default function NotFound() {
  return (
    <main className="not-found">
      <EncodedLinkRedirect />
      <p className="not-found-code">404</p>
      <h1>Page not found</h1>
      <p>Nothing lives at this address: the page may have moved, or the link has a typo.</p>
      <ul>
        <li>
          <a href="/">Open the designer</a>, with your design as you left it.
        </li>
        <li>
          <a href="/docs/">Read the docs</a>, and search them with the box at the top of any docs
          page.
        </li>
        <li>
          <a href="/docs/diagnostics/">Every problem the designer reports</a>, each with its page.
        </li>
      </ul>
    </main>
  )
}
