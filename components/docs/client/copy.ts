import { copyText } from '@/lib/docs/copy-text'

const RESET_MS = 1600
const timers = new WeakMap<HTMLElement, ReturnType<typeof setTimeout>>()

function show(button: HTMLElement, state: 'idle' | 'copied' | 'failed'): void {
  const text = state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : 'Copy'
  button.dataset.state = state
  button.setAttribute('aria-label', state === 'idle' ? 'Copy code' : text)
  const span = button.querySelector('.copy-label')
  if (span) span.textContent = text
}

async function copy(button: HTMLElement): Promise<void> {
  const block = button.closest<HTMLElement>('.code-block')
  const text = copyText(block?.dataset.language, block?.querySelector('pre')?.innerText ?? '')
  try {
    await navigator.clipboard.writeText(text)
    show(button, 'copied')
  } catch {
    show(button, 'failed')
  }
  clearTimeout(timers.get(button))
  timers.set(
    button,
    setTimeout(() => show(button, 'idle'), RESET_MS),
  )
}

/** Every code block's Copy button (one listener for the page). */
export function initCopyButtons(): void {
  document.addEventListener('click', (e) => {
    const button = e.target instanceof Element ? e.target.closest('.copy-button') : null
    if (button instanceof HTMLElement) void copy(button)
  })
}
