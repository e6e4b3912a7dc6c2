/**
 * Shared set-up for browser tests: serves the static export (out/) on a free loopback port and
 * drives Debian's Chromium through playwright-core. Never downloads a browser.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'

export const CHROMIUM = '/usr/bin/chromium'
export const SCREENSHOTS = join(process.cwd(), 'test-results', 'screenshots')

export const LAUNCH_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address()
      const port = typeof addr === 'object' && addr ? addr.port : 0
      srv.close(() => resolve(port))
    })
    srv.on('error', reject)
  })
}

/** Serves out/ with scripts/serve.mjs on a free loopback port. */
export async function serveOut(): Promise<{ url: string; server: ChildProcess }> {
  const port = await freePort()
  const server = spawn(process.execPath, ['scripts/serve.mjs', 'out'], {
    env: { ...process.env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  await new Promise<void>((resolve, reject) => {
    server.stdout?.on('data', (d: Buffer) => {
      if (d.toString().includes('http://')) resolve()
    })
    server.on('exit', (code) => reject(new Error(`static server exited with ${code}`)))
  })
  return { url: `http://127.0.0.1:${port}`, server }
}

export interface Site {
  url: string
  browser: Browser
  close: () => Promise<void>
}

/** Starts the static server and Chromium. Fails loudly when out/ or Chromium is missing. */
export async function startSite(): Promise<Site> {
  if (!existsSync('out/index.html')) throw new Error('out/ is missing: run `npm run build` first')
  if (!existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} is missing: run scripts/ensure-system-deps.sh`)
  const { url, server } = await serveOut()
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS })
  mkdirSync(SCREENSHOTS, { recursive: true })
  return {
    url,
    browser,
    close: async () => {
      await browser.close()
      server.kill()
    },
  }
}

/** A fresh context and page at 1280x720 that records console errors and page errors. */
export async function newPage(
  site: Site,
  options: { colorScheme?: 'light' | 'dark'; permissions?: string[] } = {},
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await site.browser.newContext({
    viewport: { width: 1280, height: 720 },
    colorScheme: options.colorScheme ?? 'light',
    acceptDownloads: true,
  })
  if (options.permissions) await context.grantPermissions(options.permissions, { origin: site.url })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text())
  })
  page.on('pageerror', (err) => errors.push(String(err)))
  return { context, page, errors }
}
