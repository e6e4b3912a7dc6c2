// STUB: replaced by the helper that owns this command.
import type { Command } from '../command'

export const planCommand: Command = {
  name: 'plan',
  summary: 'not implemented yet',
  usage: 'Usage: s6-designer plan',
  run: async ({ stderr }) => {
    stderr('s6-designer plan: not implemented yet\n')
    return 2
  },
}
