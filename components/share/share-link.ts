import type { ServiceGraph } from '@/lib/graph/types'
import { redactSecrets } from '@/lib/generate/redact'

/** What is shared: the graph with its secrets blanked, as the export does. */
export function sharedGraph(graph: ServiceGraph): ServiceGraph {
  return redactSecrets(graph)
}

/** The designer's own address (no query, no fragment): the base of every share link. */
export function designerBase(): string {
  return `${window.location.origin}${window.location.pathname}`
}

/** The share link for a graph (codec loaded on demand, it is not needed to start). */
export async function makeShareLink(graph: ServiceGraph): Promise<string> {
  const { shareUrl } = await import('@/lib/share/codec')
  return shareUrl(designerBase(), sharedGraph(graph))
}

/**
 * Puts text on the clipboard: the Clipboard API, else the old copy command on a selected
 * field. False when neither worked (the user copies by hand).
 */
export async function copyText(text: string, field?: HTMLInputElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text)
    return true
  } catch {
    if (!field) return false
    field.focus()
    field.select()
    try {
      return document.execCommand('copy')
    } catch {
      return false
    }
  }
}
