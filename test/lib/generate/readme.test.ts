import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { exportFiles } from '@/lib/generate/export-files'
import type { ServiceGraph } from '@/lib/graph/types'
import { exampleGraphs, graphOf, longrun, oneshot } from '../../fixtures/graphs'

const readme = (g: ServiceGraph) =>
  exportFiles(g).get(`${g.project.repoDir}/README.md`)?.contents as string
const examples = exampleGraphs()
const reference = readme(examples.reference as ServiceGraph)

/** The lines of Markdown outside fenced code blocks. */
function outsideCode(text: string): string[] {
  let inside = false
  return text.split('\n').filter((l) => {
    if (l.startsWith('```')) inside = !inside
    return !inside && !l.startsWith('```')
  })
}

describe('README', () => {
  it('covers the topics of a hand-written setup document, in order', () => {
    const headings = outsideCode(reference).filter((l) => /^#{1,3} /.test(l))
    expect(headings).toEqual([
      '# onetimesecret: s6-overlay setup',
      '## Quick start',
      '## Overview',
      '## Directory structure',
      '## Services',
      '### One-time tasks (oneshots)',
      '### Supervised processes (longruns)',
      '### Bundles',
      '## Build options',
      '## Running the image',
      '### Everything (the default)',
      '### One process without s6',
      '### Only some services',
      '### Starting and stopping services in a running container',
      '## Environment variables',
      '### Container',
      '### s6-overlay settings',
      '## Logs',
      '## Debugging',
      '### Status',
      '### Control',
      '## Common problems',
      '## How it fits together',
      '### Dependencies',
      '### Processes',
      '### Graceful shutdown',
      '## Health check',
      '## Going back',
      '## References',
    ])
  })

  it('never puts a name a shell would expand into a command to paste', () => {
    const hostile = 'w$(touch PWNED)'
    const quote = "q';touch PWNED2;'"
    const g = graphOf(
      {
        [hostile]: longrun({ timeoutKill: 1000 }),
        [quote]: longrun({ timeoutKill: 1000 }),
        web: longrun({ timeoutKill: 1000 }),
        idle: oneshot(),
        [`${hostile}-log`]: longrun({ consumerFor: [], timeoutKill: 1000 }),
      },
      { user: [hostile, quote, 'web'] },
    )
    const text = readme(g)
    // Every line of every sh block, run with docker stubbed out, in an empty folder.
    const blocks = [...text.matchAll(/^```sh\n([\s\S]*?)^```$/gm)].map((m) => m[1] as string)
    expect(blocks.length).toBeGreaterThan(3)
    const dir = mkdtempSync(join(tmpdir(), 's6d-readme-'))
    const script = `docker() { :; }\n${blocks.join('\n').replace(/\\\n/g, ' ')}`
    spawnSync('sh', ['-c', script], { cwd: dir })
    expect(readdirSync(dir)).toEqual([])
    expect(text).toContain('s6-rc -d change web')
  })

  it('draws the exported folder like tree, with each service described', () => {
    expect(reference).toContain('docker/s6/\n├── .gitattributes')
    expect(reference).toMatch(/│ {3}├── web\/ +# longrun: The web server: Puma/)
    expect(reference).toMatch(/└── contents\.d\/ +# members of s6-overlay's user bundle/)
    expect(reference).toContain('│           │   │   ├── run')
  })

  it('describes each service from the graph', () => {
    expect(reference).toContain(
      '- **redis-ready**: Pre-flight check: REDIS\\_URL is set and the server answers.',
    )
    expect(reference).toContain('Process: `puma master`, forking puma worker × PUMA\\_WORKERS.')
    expect(reference).toContain('Stopped with SIGTERM, then SIGKILL after 5 s.')
  })

  it('gives real s6 commands for s6-overlay v3 and never s6-tail for live output', () => {
    expect(reference).not.toContain('s6-tail')
    for (const cmd of [
      'docker exec onetimesecret s6-rc -a list',
      'docker exec onetimesecret s6-rc-db list all',
      'docker exec onetimesecret s6-svstat /run/service/web',
      'docker exec onetimesecret s6-svc -r /run/service/web',
      'docker exec onetimesecret s6-rc -d change web',
      'docker logs -f onetimesecret',
    ]) {
      expect(reference).toContain(cmd)
    }
    expect(reference).not.toMatch(/\/init with-contenv s6-rc/)
  })

  it('runs one service without s6 through its run script, and boots a subset with S6_STAGE2_HOOK', () => {
    expect(reference).toContain('--entrypoint /etc/s6-overlay/s6-rc.d/web/run')
    expect(reference).toContain('-e S6_KEEP_ENV=1')
    expect(reference).toContain(
      '-e S6_STAGE2_HOOK="rm -f /etc/s6-overlay/user-bundles.d/user/contents.d/scheduler /etc/s6-overlay/user-bundles.d/user/contents.d/worker"',
    )
    expect(reference).toContain('S6_RUNTIME_BUNDLEDIR')
    const old = readme(examples['nested-bundles'] as ServiceGraph)
    expect(old).toContain('S6_STAGE2_HOOK="rm -f /etc/s6-overlay/s6-rc.d/user/contents.d/backend"')
    expect(old).not.toContain('S6_RUNTIME_BUNDLEDIR')
  })

  it('lists environment variables by group, secrets marked and never given a value', () => {
    expect(reference).toContain('#### Application')
    expect(reference).toContain(
      '| `SECRET` | *secret: give it at run time* | Server secret used to encrypt stored secrets |',
    )
    // Container variables, as the hand-written setup has them: docker run -e sets them.
    expect(reference).toContain('#### Puma')
    expect(reference).not.toContain('### Per service')
    expect(reference).toContain('| `PUMA_WORKERS` | `2` | Number of Puma worker processes |')
    expect(reference).toContain('| `S6_BEHAVIOUR_IF_STAGE2_FAILS` | `2` | `0` |')
    const g = graphOf(
      { a: longrun() },
      { project: { env: [{ name: 'K', value: 'real-secret', secret: true }] } },
    )
    expect(readme(g)).not.toContain('real-secret')
  })

  it('merges per-service variables into one table per group for big designs', () => {
    const services = Object.fromEntries(
      Array.from({ length: 25 }, (_, i) => [
        `s${i}`,
        longrun({ env: [{ name: 'PORT', value: String(i), group: 'Net' }] }),
      ]),
    )
    const text = readme(graphOf(services))
    expect(text).toContain('#### Net\n\n| Service | Variable | Default | Meaning |')
    expect(text).toContain('| `s7` | `PORT` | `7` |  |')
    expect(text).not.toContain('#### s7: Net')
  })

  it('keeps the drawings of a big design readable', () => {
    const many = Object.fromEntries(
      Array.from({ length: 450 }, (_, i) => [
        `s${String(i).padStart(3, '0')}`,
        longrun({ timeoutKill: 100 }),
      ]),
    )
    const wide = readme(graphOf(many))
    expect(wide).toMatch(/\n… and \d+ more\n```/)
    expect(wide).toContain('each service folder is shown closed')
    expect(wide).toMatch(/│ {3}└── … \d+ more/)
    expect(wide).not.toContain('s449/type')
    const chain = Object.fromEntries(
      Array.from({ length: 40 }, (_, i) => [
        `c${String(i).padStart(2, '0')}`,
        longrun({
          timeoutKill: 100,
          dependencies: i > 0 ? [`c${String(i - 1).padStart(2, '0')}`] : [],
        }),
      ]),
    )
    const deep = readme(graphOf(chain, { user: ['c39'] }))
    expect(deep).toContain('(longrun, and what it depends on)')
    expect(deep).toMatch(/30\. … then \d+ more rounds \(\d+ services\), down to s6-overlay's own/)
  })

  it('notes what each service folder and oneshot script is, the own up script first', () => {
    const down = { language: 'sh' as const, body: 'true' }
    const text = readme(
      graphOf({
        a: oneshot({ description: 'Prepares the cache. More text.', down }),
        'a-down': oneshot(),
        b: oneshot({ down }),
        w: longrun({ description: 'Serves pages' }),
      }),
    )
    const note = (entry: string) =>
      text
        .split('\n')
        .find((l) => l.includes(`── ${entry} `))
        ?.split(' # ')[1]
    expect(note('a/')).toBe('oneshot: Prepares the cache.')
    expect(note('a-down/')).toBe('oneshot')
    expect(note('w/')).toBe('longrun: Serves pages')
    expect(note('a')).toBe("what a's up runs")
    expect(note('a-down')).toBe("what a-down's up runs")
    expect(note('b-down')).toBe("what b's down runs")
    expect(note('contents.d/')).toBe("members of s6-overlay's user bundle: started at boot")
    expect(note('type')).toBeUndefined()
    const many = Object.fromEntries(
      Array.from({ length: 60 }, (_, i) => [`s${String(i).padStart(2, '0')}`, oneshot()]),
    )
    const big = readme(graphOf({ ...many, 'a-web': longrun({ description: 'Web. Rest.' }) }))
    expect(big).toMatch(/── a-web\/ +# longrun: Web\.\n/)
    expect(big).toMatch(/── s00 +# what s00's up runs\n/)
    expect(big).not.toMatch(/── a-web\/\n.*── run/)
  })

  it('points to the logger folder of a pipeline with tail -F on current (it follows the file across the rotations of s6-log)', () => {
    const text = readme(examples['logger-pipeline'] as ServiceGraph)
    expect(text).toContain('docker exec api-with-logs tail -F /var/log/api/current')
    expect(text).toContain('- **api-pipeline** (pipeline): `api` and `api-log`')
  })

  it('draws the dependency tree and the process tree from the graph', () => {
    expect(reference).toContain(
      [
        'user (bundle: what s6-overlay starts at boot)',
        '├── web (longrun)',
        '│   ├── redis-ready (oneshot)',
        '│   └── config-check (oneshot)',
        '├── scheduler (longrun)',
        '│   ├── redis-ready (oneshot, see above)',
      ].join('\n'),
    )
    expect(reference).toContain(
      's6-svscan /run/service (PID 1)\n├── s6-supervise s6-linux-init-shutdownd',
    )
    expect(reference).toContain('│   └── puma master\n│       └── puma worker × PUMA_WORKERS')
  })

  it('writes a bare design without placeholders, and lists only the variables the Dockerfile sets', () => {
    const text = readme(
      graphOf(
        { api: longrun(), migrate: oneshot(), seed: oneshot() },
        {
          project: {
            env: [
              { name: 'PORT', value: '8080' },
              { name: 'bad name', value: 'x' },
              { name: 'CERT', value: 'a\nb' },
            ],
          },
        },
      ),
    )
    expect(text).not.toContain('no description')
    expect(text).toMatch(/^- \*\*migrate\*\*: Runs /m)
    expect(text).not.toContain('#### Other')
    expect(text).toContain('| Variable | Default |\n| --- | --- |\n| `PORT` | `8080` |')
    expect(text).not.toContain('bad name')
    expect(text).toContain(
      '| `CERT` | *give it at run time: a line break cannot be an ENV default* |',
    )
    expect(text).toContain('a one-time task (`migrate` or `seed`)')
  })

  it('quotes the project folder in the commands it gives when the folder needs it', () => {
    const g = graphOf({ api: longrun() }, { project: { repoDir: 'docker/s6 x' } })
    const files = exportFiles(g)
    expect(files.get('docker/s6 x/README.md')!.contents).toContain("'./docker/s6 x/build.sh'")
    expect(files.get('docker/s6 x/README.md')!.contents).not.toMatch(
      /(^|[^'])\.\/docker\/s6 x\/build\.sh/m,
    )
    expect(files.get('docker/s6 x/Dockerfile')!.contents).toContain(
      "docker build -f 'docker/s6 x/Dockerfile'",
    )
    const build = files.get('docker/s6 x/build.sh')!.contents
    expect(build).toContain("#   'docker/s6 x/build.sh' --platform")
  })

  it('gives one docker stop -t for a stop over budget, and calls a tie with docker stop a race', () => {
    const chain = (kill: number) =>
      readme(
        graphOf({
          a: longrun({ timeoutKill: kill }),
          b: longrun({ timeoutKill: kill, dependencies: ['a'] }),
        }),
      )
    const over = chain(4000)
    expect(over.match(/docker stop -t \d+/g)).toEqual(['docker stop -t 12', 'docker stop -t 12'])
    const tie = chain(3500)
    expect(tie).toContain("as long as `docker stop`'s 10 s, so Docker's SIGKILL may come first")
  })

  it('says a flag-essential service is left running at shutdown, and names the signal s6 sends', () => {
    const text = readme(
      graphOf(
        {
          db: longrun({ timeoutKill: 2000 }),
          api: longrun({ essential: true, dependencies: ['db'], timeoutKill: 9000 }),
          web: longrun({ timeoutKill: 3000, downSignal: 'SIGBOGUS' }),
        },
        { user: ['api', 'web'] },
      ),
    )
    expect(text).toContain('`api` (flag-essential: left running, until step 3)')
    expect(text).toContain('`db` (needed by a flag-essential service: left running, until step 3)')
    expect(text).toMatch(/\*\*api\*\*:.*Flagged essential: the shutdown leaves it running/)
    expect(text).toMatch(/\*\*web\*\*:.*Stopped with SIGTERM, then SIGKILL after 3 s/)
    expect(text).not.toContain('SIGBOGUS')
  })

  it('gives the shutdown sequence and its budget against docker stop', () => {
    expect(reference).toContain(
      "Worst case: 6 s for the services plus 3 s of grace time = **9 s**, within `docker stop`'s 10 s.",
    )
    const slow = graphOf({ a: longrun({ timeoutKill: 20000 }) })
    expect(readme(slow)).toMatch(/more than `docker stop`'s 10 s: use `docker stop -t 24`/)
    const unbounded = graphOf({ a: longrun() })
    expect(readme(unbounded)).toContain('Worst case: unbounded')
  })

  it('derives the common problems from the graph', () => {
    const g = graphOf(
      { app: longrun({ dependencies: ['db'] }), db: longrun(), idle: oneshot() },
      { user: ['app'] },
    )
    const text = readme(g)
    expect(text).toContain('`idle` is not in the `user` bundle')
    expect(text).toContain('`db` has no readiness check')
    expect(text).toContain('`app` and `db` have no `timeout-kill`')
  })

  it('escapes Markdown from the graph', () => {
    const g = graphOf({ a: longrun({ description: 'a | b <script>x</script> *not bold*' }) })
    const text = readme(g)
    expect(text).toContain('a \\| b &lt;script&gt;x&lt;/script&gt; \\*not bold\\*')
    expect(outsideCode(text).join('\n')).not.toContain('<script>')
  })
})
