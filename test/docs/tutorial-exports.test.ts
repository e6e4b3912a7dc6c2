/**
 * The tutorial and the recipes quote commands and files of an export. These tests rebuild the
 * export of the example each page uses and check that what the page shows is what the export
 * gives, so the pages cannot drift from the generator.
 */
import { describe, expect, it } from 'vitest'
import nestedBundles from '@/content/examples/nested-bundles.json'
import { readDocSource } from '@/lib/docs/content'
import { DOCS_NAV, findDocPage } from '@/lib/docs/nav'
import { exampleById } from '@/lib/examples'
import { exportFiles } from '@/lib/generate/export-files'
import { parseGraph } from '@/lib/graph/parse'
import type { ServiceGraph } from '@/lib/graph/types'
import { validate } from '@/lib/graph/validate'
import { installCommand, zipFileName } from '@/lib/preview/install-snippet'

/** The MDX source of a page, by slug. */
function source(slug: string): string {
  const page = findDocPage(slug)
  if (!page) throw new Error(`no page ${slug}`)
  return readDocSource(page)
}

/** Every fenced block of a page: its language, title (if any) and text. */
function blocks(mdx: string): { lang: string; title?: string; text: string }[] {
  return [...mdx.matchAll(/^```(\w*)(?: title="([^"]*)")?\n([\s\S]*?)\n```$/gm)].map((m) => ({
    lang: m[1] ?? '',
    ...(m[2] ? { title: m[2] } : {}),
    text: m[3] ?? '',
  }))
}

/** A file of an export, by its path under the project folder (docker/s6). */
function file(files: ReturnType<typeof exportFiles>, path: string): string {
  const f = files.get(`docker/s6/${path}`)
  if (!f) throw new Error(`no ${path} in the export`)
  return f.contents
}

describe('the new pages', () => {
  it('are in the sidebar, the recipe under Recipes', () => {
    for (const slug of ['cmd-and-lifetime', 'running-as-another-user', 'recipes/nginx-php-fpm'])
      expect(findDocPage(slug), slug).toBeDefined()
    const recipes = DOCS_NAV.find((s) => s.title === 'Recipes')
    expect(recipes?.items.map((i) => i.title)).toContain('nginx, PHP-FPM, cron and a queue worker')
  })
})

describe('getting started', () => {
  const page = source('getting-started')
  const graph = exampleById('starter')!.graph
  const files = exportFiles(graph)
  const readme = file(files, 'README.md')
  const sh = blocks(page).filter((b) => b.lang === 'sh')

  it('walks through the starter example', () => {
    expect(page).toContain('/?example=starter')
    expect(page).toContain('<GraphPreview example="starter" />')
    expect(page).toContain('<FileExplorer example="starter" />')
  })

  it('names the zip and the image tag the export uses', () => {
    expect(page).toContain(`\`${zipFileName(graph.project.name)}\``)
    expect(page).toContain(`unzip ~/Downloads/${zipFileName(graph.project.name)}`)
    expect(readme).toContain('tags the image `starter:s6`')
    expect(page).toContain('tags the image `starter:s6`')
  })

  it('runs the build.sh the zip contains, as its README does', () => {
    const build = sh.find((b) => b.text.startsWith('./docker/s6/build.sh'))
    expect(build?.text).toBe('./docker/s6/build.sh')
    expect(files.get('docker/s6/build.sh')?.executable).toBe(true)
    expect(readme).toContain('```sh\n./docker/s6/build.sh\n')
  })

  it('gives the same docker build command as the Download menu', () => {
    const build = sh.find((b) => b.text.startsWith('docker build'))
    expect(build?.text).toBe(installCommand(graph).split(' && ')[1])
  })

  it('quotes every docker run, exec and logs command from the README', () => {
    const runs = sh.filter((b) => b.text.startsWith('docker run'))
    expect(runs.length).toBeGreaterThan(0)
    for (const run of runs) expect(readme, run.text).toContain(`\`\`\`sh\n${run.text}\n\`\`\``)
    const lines = sh.flatMap((b) => b.text.split('\n'))
    const others = lines.filter((l) => /^docker (exec|logs|stop) /.test(l))
    expect(others.length).toBeGreaterThanOrEqual(3)
    const readmeLines = readme.split('\n')
    for (const l of others.filter((l) => !l.startsWith('docker stop')))
      expect(
        readmeLines.some((r) => r === l || r.startsWith(`${l} `)),
        l,
      ).toBe(true)
  })

  it('shows the page the prepare oneshot writes, and the fields of web as the export has them', () => {
    const html = blocks(page).find((b) => b.lang === 'html')
    const prepare = file(files, 'rootfs/etc/s6-overlay/scripts/prepare')
    const heredoc = /<<'EOF'\n([\s\S]*?)\nEOF/.exec(prepare)?.[1]
    expect(html?.text).toBe(heredoc)
    expect(prepare).toContain('/etc/crontabs/root')
    const check = file(files, 'rootfs/etc/s6-overlay/s6-rc.d/web/data/check').split('\n')[1]!
    expect(page).toContain(`\`${check}\``)
    const run = file(files, 'rootfs/etc/s6-overlay/s6-rc.d/web/run').trimEnd().split('\n').at(-1)!
    expect(page).toContain(`\`${run}\``)
    expect(file(files, 'rootfs/etc/s6-overlay/s6-rc.d/web/timeout-kill').trim()).toBe('3000')
    expect(file(files, 'rootfs/etc/s6-overlay/s6-rc.d/cron/timeout-kill').trim()).toBe('3000')
  })
})

/** The recipe's design: the nested bundles example with the recipe's steps applied. */
function recipeGraph(): ServiceGraph {
  const data = structuredClone(nestedBundles) as unknown as {
    services: Record<string, Record<string, unknown>>
    layout: Record<string, { x: number; y: number }>
  }
  const s = data.services
  s.nginx!.dependencies = ['php-fpm']
  s['php-fpm']!.readiness = {
    notificationFd: 3,
    check: `php -r 'exit(@fsockopen("127.0.0.1", 9000) ? 0 : 1);'`,
  }
  s.queue!.run = {
    language: 'sh',
    body: 'cd /var/www || exit 1\nexec s6-setuidgid www-data php artisan queue:work',
  }
  s.queue!.timeoutKill = 60000
  s.cron = {
    type: 'longrun',
    run: { language: 'execline', body: 'cron -f' },
    dependencies: ['warm-cache'],
    withContenv: true,
    env: [],
    timeoutKill: 3000,
    children: [],
  }
  ;(s.user!.contents as string[]).push('cron')
  data.layout.cron = { x: 304, y: 192 }
  const parsed = parseGraph(data)
  if (!parsed.ok) throw new Error('the recipe graph does not parse')
  return parsed.graph
}

describe('the nginx and PHP-FPM recipe', () => {
  const graph = recipeGraph()
  const files = exportFiles(graph)

  it('builds on the nested bundles example, and its design is valid', () => {
    expect(source('recipes/nginx-php-fpm')).toContain('/?example=nested-bundles')
    expect(validate(graph).filter((d) => d.severity === 'error')).toEqual([])
  })

  it('shows the exported files exactly, on the recipe and on the page about users', () => {
    for (const slug of ['recipes/nginx-php-fpm', 'running-as-another-user']) {
      const titled = blocks(source(slug)).filter((b) => b.title?.startsWith('s6-rc.d/'))
      expect(titled.length, slug).toBeGreaterThan(0)
      for (const b of titled)
        expect(`${b.text}\n`, `${slug}: ${b.title}`).toBe(
          file(files, `rootfs/etc/s6-overlay/${b.title}`),
        )
    }
  })

  it('quotes the stop time the designer warns about', () => {
    const warning = validate(graph).find((d) => d.code === 'stop-over-docker-stop')
    expect(warning?.message).toContain('up to 63.0 s')
    expect(source('recipes/nginx-php-fpm')).toContain('can take 63 seconds')
  })
})
