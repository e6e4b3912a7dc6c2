/**
 * `npm run bench`: every benchmark, one table (figure, budget, met), written to
 * bench/results/latest.json and latest.md with the machine it ran on. The docs' Performance
 * page shows latest.md. Needs a build (`npm run build`) for the page and browser benchmarks.
 */
import { cpus, totalmem } from 'node:os'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { BenchRow } from './row'
import { benchCanvas } from './canvas'
import { benchCore } from './core'
import { benchLighthouse } from './lighthouse'
import { benchPageWeight } from './page-weight'
import { benchValidatePlan } from './validate-plan'

interface Section {
  title: string
  run: () => Promise<BenchRow[]> | BenchRow[]
}

const SECTIONS: Section[] = [
  { title: 'Core operations (Node)', run: benchCore },
  { title: 'Validate and plan, CPU and wall time', run: benchValidatePlan },
  { title: 'Page weight', run: benchPageWeight },
  { title: 'Canvas in Chromium', run: () => benchCanvas() },
  { title: 'Lighthouse', run: () => benchLighthouse() },
]

/** Optional sections that only exist once their issue lands. */
async function optionalSections(): Promise<Section[]> {
  try {
    const path = './preview.ts'
    const mod = (await import(path)) as { benchPreview?: () => Promise<BenchRow[]> }
    return mod.benchPreview ? [{ title: 'Previews in Chromium', run: mod.benchPreview }] : []
  } catch {
    return []
  }
}

const HIGHER_IS_BETTER = new Set(['score', 'fps'])

function budgetText(row: BenchRow): string {
  if (row.budget === null) return ''
  return `${HIGHER_IS_BETTER.has(row.unit) ? '>=' : '<='} ${row.budget} ${row.unit}`
}

function machine(): string {
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU'
  const gib = Math.round(totalmem() / 2 ** 30)
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
    dependencies: Record<string, string>
  }
  return `${cpus().length} × ${cpu}, ${gib} GiB, Node ${process.version}, Next ${pkg.dependencies.next}`
}

async function main() {
  const results: { section: string; rows: BenchRow[]; error?: string }[] = []
  for (const section of [...SECTIONS, ...(await optionalSections())]) {
    process.stderr.write(`bench: ${section.title}…\n`)
    try {
      results.push({ section: section.title, rows: await section.run() })
    } catch (error) {
      results.push({
        section: section.title,
        rows: [],
        error: error instanceof Error ? error.message : String(error),
      })
    }
  }
  const when = new Date().toISOString().replace(/\.\d+Z$/, 'Z')
  const lines = [
    `Measured ${when} on ${machine()}.`,
    '',
    '| Figure | Value | Budget | Met |',
    '| --- | ---: | --- | --- |',
  ]
  for (const { section, rows, error } of results) {
    lines.push(`| **${section}** | | | |`)
    if (error) lines.push(`| could not run: ${error.replace(/\|/g, '/')} | | | no |`)
    for (const r of rows) {
      lines.push(
        `| ${r.name} | ${r.value} ${r.unit} | ${budgetText(r)} | ${r.budget === null ? '' : r.met ? 'yes' : '**no**'} |`,
      )
    }
  }
  const table = lines.join('\n')
  console.log(table)
  const dir = join(process.cwd(), 'bench', 'results')
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, 'latest.md'), `${table}\n`)
  writeFileSync(
    join(dir, 'latest.json'),
    `${JSON.stringify({ when, machine: machine(), results }, null, 2)}\n`,
  )
  const missed = results.flatMap((r) =>
    r.error ? [r.section] : r.rows.filter((x) => !x.met).map((x) => x.name),
  )
  console.log(
    missed.length === 0
      ? '\nEvery budget is met.'
      : `\n${missed.length} not met: ${missed.join('; ')}`,
  )
}

await main()
