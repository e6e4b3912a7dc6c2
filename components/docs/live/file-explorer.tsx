'use client'

import { lazyWidget } from './lazy-widget'
import { WidgetPlaceholder } from './widget-frame'

/**
 * `<FileExplorer example="reference" />` in MDX: browse the files the designer exports for an
 * example, with the same generator as the download. Loads only where it is used.
 */
export const FileExplorer = lazyWidget(
  () => import('./file-explorer-view').then((m) => m.FileExplorerView),
  <WidgetPlaceholder height={380} label="Loading the file explorer…" />,
)
