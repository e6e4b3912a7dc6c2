// Types for rehype-tables.mjs (a plain-JavaScript rehype step, see there).
import type { Root } from 'hast'

export declare function isReferenceTable(headers: string[]): boolean
export declare function labelReferenceTables(node: Root): void
export default function rehypeTables(): (tree: Root) => void
