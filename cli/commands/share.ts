// STUB: replaced by the share-link helper (commands `share` and `open`).
import type { Command } from '../command'

export const shareCommands: Command[] = []
