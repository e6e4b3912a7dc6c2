#!/usr/bin/env node
// The s6-designer CLI: runs cli/main.ts through tsx, so the CLI uses the same lib/ as the site.
import { register } from 'tsx/esm/api'

register()
const { main } = await import('../cli/main.ts')
process.exitCode = await main(process.argv.slice(2))
