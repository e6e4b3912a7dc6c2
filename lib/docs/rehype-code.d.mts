// Types for rehype-code.mjs (a plain-JavaScript rehype plugin, see there).
import type { Root } from 'hast'

export declare const THEMES: { light: string; dark: string }
export declare function parseMeta(meta: string | undefined): { title: string | undefined }
export declare function grammarFor(fence: string): string
export default function rehypeCode(): (tree: Root) => Promise<void>
