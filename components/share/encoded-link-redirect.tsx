'use client'

import { useEffect } from 'react'
import { findLinkFragment } from '@/lib/share/codec'

/**
 * On the 404 page: a share link whose `#` a chat app or mail client percent-encoded arrives
 * as a path (`/%23s6g=…`), which the site does not have. Sends it on to the designer with the
 * design in its fragment, as the link meant.
 */
export function EncodedLinkRedirect() {
  useEffect(() => {
    if (window.location.hash) return
    const fragment = findLinkFragment(window.location.href)
    if (fragment) window.location.replace(`/#${fragment}`)
  }, [])
  return null
}
