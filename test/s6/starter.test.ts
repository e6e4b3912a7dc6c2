/**
 * The starter example runs as exported: its oneshot, Python's web server and busybox crond
 * under Debian's s6, with Debian's busybox (static build: it has crond) standing in for
 * Alpine's. Only the image paths move into a temp folder (the /command ones as `localize`
 * does, /srv/www and /etc/crontabs here) and the port becomes a free one; every script is the
 * exported one.
 */
import { existsSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { get } from 'node:http'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exampleById } from '@/lib/examples'
import { exportFiles } from '@/lib/generate/export-files'
import type { FileMap } from '@/lib/generate/file-map'
import type { Longrun } from '@/lib/graph/types'
import { poll, run, walkFiles } from './helpers'
import { Supervision } from './supervision'

const APPLETS = ['crond', 'wget']

/** Debian's busybox with the applets the example uses, or what is missing to run it. */
function findBusybox(): { path: string } | { missing: string } {
  // The services' PATH is the stand-ins, /usr/bin and /bin (Supervision).
  if (!['/usr/bin/python3', '/bin/python3'].some((p) => existsSync(p)))
    return { missing: 'python3 (the web service) is not in /usr/bin' }
  const path = ['/bin/busybox', '/usr/bin/busybox'].find((p) => existsSync(p))
  if (!path) return { missing: 'busybox is not installed' }
  const list = run(path, ['--list']).stdout.split('\n')
  const absent = APPLETS.filter((a) => !list.includes(a))
  return absent.length === 0
    ? { path }
    : { missing: `${path} has no ${absent.join(', ')} applet (Debian's busybox-static has)` }
}

const busybox = findBusybox()
const ci = process.env.CI === 'true'

async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise((resolve) => server.close(resolve))
  if (address === null || typeof address === 'string') throw new Error('no port')
  return address.port
}

function httpGet(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    get(url, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
    }).on('error', reject)
  })
}

/** The export with the image's paths and port replaced, in the service files only. */
function relocated(files: FileMap, replace: Array<[string, string]>): FileMap {
  const out: FileMap = new Map()
  for (const [path, file] of files) {
    let contents = file.contents
    if (path.includes('/rootfs/etc/s6-overlay/'))
      for (const [from, to] of replace) contents = contents.replaceAll(from, to)
    out.set(path, { ...file, contents })
  }
  return out
}

if ('missing' in busybox) {
  describe('the starter example under s6', () => {
    const message = `${busybox.missing}: run scripts/ensure-system-deps.sh (apt-get install busybox-static python3)`
    // CI must not pass without running it; elsewhere the skip says what is missing.
    if (ci)
      it('needs busybox and python3', () => {
        throw new Error(message)
      })
    else it.skip(`needs busybox and python3: ${message}`, () => {})
  })
} else {
  const example = exampleById('starter')
  if (!example) throw new Error('no starter example')
  const graph = example.graph
  const timeoutKill = (graph.services.web as Longrun).timeoutKill ?? 0

  let sv: Supervision
  let www: string
  let crontabs: string
  let port: number
  let output: string

  beforeAll(async () => {
    port = await freePort()
    const files = exportFiles(graph)
    // Relocate into the temp folder Supervision makes: known only once it exists, so the
    // files are rewritten with a placeholder and the placeholder with the folder.
    const HERE = '/s6d-starter-temp'
    sv = new Supervision(
      relocated(files, [
        ['/srv/www', `${HERE}/srv/www`],
        ['/etc/crontabs', `${HERE}/crontabs`],
        ['8080', String(port)],
      ]),
      graph.project.repoDir,
    )
    for (const root of [join(sv.rootfs, 'etc/s6-overlay'), sv.scan]) {
      for (const rel of walkFiles(root)) {
        const path = join(root, rel)
        const text = readFileSync(path, 'utf8')
        if (text.includes(HERE)) writeFileSync(path, text.replaceAll(HERE, sv.dir))
      }
    }
    www = join(sv.dir, 'srv/www')
    crontabs = join(sv.dir, 'crontabs')
    for (const applet of APPLETS) symlinkSync(busybox.path, join(sv.bin, applet))
    output = join(sv.dir, 'output.log')
    await sv.start(output)
  })

  afterAll(() => sv?.stop())

  const pidOf = (name: string) => Number(sv.stat(name, 'pid')[0])
  const argv = (pid: number) =>
    readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').slice(0, -1)

  describe('the starter example under s6', () => {
    it('every script is the exported one, only relocated', () => {
      const files = exportFiles(graph)
      const exported = (rel: string) =>
        files.get(`${graph.project.repoDir}/rootfs/etc/s6-overlay/${rel}`)?.contents
      expect(exported('s6-rc.d/cron/run')).toContain('/etc/crontabs')
      expect(readFileSync(join(sv.scan, 'web/data/check'), 'utf8')).toBe(
        exported('s6-rc.d/web/data/check')?.replace('8080', String(port)),
      )
      expect(readFileSync(join(sv.scan, 'cron/run'), 'utf8')).toBe(
        exported('s6-rc.d/cron/run')
          ?.replace('/command/with-contenv', join(sv.bin, 'with-contenv'))
          .replace('/etc/crontabs', crontabs),
      )
    })

    it("the oneshot's up writes the page and the crontab", () => {
      expect(sv.oneshot('prepare', 'up')).toBe(0)
      expect(readFileSync(join(www, 'index.html'), 'utf8')).toContain('The container is up')
      expect(readFileSync(join(crontabs, 'root'), 'utf8')).toBe(
        `* * * * * date >> ${www}/ticks.txt\n`,
      )
    })

    it('cron comes up, and its supervised process is crond itself (the run script execs)', async () => {
      sv.svc('-u', 'cron')
      expect(sv.wait('-u', 'cron', 3000)).toBe(true)
      const pid = pidOf('cron')
      await poll('crond to exec', () => argv(pid)[0] === 'crond')
      expect(argv(pid)).toEqual(['crond', '-f', '-l', '8', '-L', '/dev/stderr', '-c', crontabs])
      // Its log reaches the services' output (docker logs, in the image).
      await poll('crond to log', () => readFileSync(output, 'utf8').includes('crond (busybox'))
    })

    it('web comes up, becomes ready once its check passes, and serves the page', async () => {
      sv.svc('-u', 'web')
      expect(sv.wait('-U', 'web', 10_000)).toBe(true)
      expect(sv.stat('web', 'up,ready')).toEqual(['true', 'true'])
      const res = await httpGet(`http://127.0.0.1:${port}/`)
      expect(res.status).toBe(200)
      expect(res.body).toContain('<h1>The container is up</h1>')
      const pid = pidOf('web')
      expect(argv(pid).slice(1)).toEqual([
        '-m',
        'http.server',
        String(port),
        '--bind',
        '0.0.0.0',
        '--directory',
        www,
      ])
    })

    it('the cron job runs at the next minute, and web serves what it wrote', async () => {
      const ticks = join(www, 'ticks.txt')
      await poll('the cron job', () => readFileSync(ticks, 'utf8').trim() !== '', 65_000)
      const res = await httpGet(`http://127.0.0.1:${port}/ticks.txt`)
      expect(res.status).toBe(200)
      expect(res.body.trim()).not.toBe('')
    }, 75_000)

    it('both stop on SIGTERM within their timeout-kill, before s6 would send SIGKILL', () => {
      for (const name of ['web', 'cron']) {
        const pid = pidOf(name)
        const t0 = Date.now()
        sv.svc('-d', name)
        expect(sv.wait('-D', name, timeoutKill + 2000), name).toBe(true)
        expect(Date.now() - t0, name).toBeLessThan(timeoutKill)
        expect(sv.stat(name, 'up,signal'), name).toEqual(['false', 'SIGTERM'])
        // The daemon itself is gone, not only the script that started it.
        expect(existsSync(`/proc/${pid}`), name).toBe(false)
      }
    })
  })
}
