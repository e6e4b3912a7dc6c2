'use client'

import { lazyWidget } from './lazy-widget'
import { WidgetPlaceholder } from './widget-frame'

/**
 * `<GraphPreview example="reference" />` in MDX: a read-only diagram of a built-in example in
 * start waves, with a link that opens it in the designer. Its code loads only where it is used.
 */
export const GraphPreview = lazyWidget(
  () => import('./graph-preview-view').then((m) => m.GraphPreviewView),
  <WidgetPlaceholder label="Loading the diagram…" />,
)
