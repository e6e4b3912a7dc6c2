/** "On this page": marks the heading being read as the page scrolls. */
export function initTableOfContents(): void {
  const links = [...document.querySelectorAll<HTMLAnchorElement>('.toc a[href^="#"]')]
  const targets = links
    .map((a) => document.getElementById(decodeURIComponent(a.hash.slice(1))))
    .filter((el): el is HTMLElement => el !== null)
  if (targets.length === 0) return
  let frame = 0
  const update = () => {
    frame = 0
    // The last heading above the top fifth of the window is the section being read.
    const line = window.innerHeight * 0.2
    let current = targets[0]?.id
    for (const el of targets) {
      if (el.getBoundingClientRect().top <= line) current = el.id
      else break
    }
    for (const a of links) {
      if (a.hash === `#${current}`) a.setAttribute('aria-current', 'location')
      else a.removeAttribute('aria-current')
    }
  }
  update()
  window.addEventListener(
    'scroll',
    () => {
      frame ||= requestAnimationFrame(update)
    },
    { passive: true },
  )
}
