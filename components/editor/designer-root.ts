/** The id of the element the designer renders into (the page's skeleton is in it until then). */
export const DESIGNER_ROOT_ID = 'designer'

/**
 * The chunks the editor needs at start, space-separated, on that element (`data-chunks`). The
 * designer's script preloads them once the page has painted: named in the page, not linked
 * from its head, so that fetching them never delays the first paint.
 */
export function designerChunks(element: HTMLElement): string[] {
  return (element.dataset.chunks ?? '').split(' ').filter((url) => url !== '')
}
