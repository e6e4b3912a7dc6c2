/**
 * Starting points for common pieces of an s6-overlay setup, offered by the designer's "Add"
 * menu. Each builds a fresh service; the store gives it a free name.
 */
import { longrun, oneshot } from '../graph/service-graph'
import type { Service } from '../graph/types'

export interface ServiceTemplate {
  id: string
  title: string
  description: string
  /** Name the service gets when it is free (else `name-2`, `name-3`…). */
  name: string
  build: () => Service
}

export const TEMPLATES: readonly ServiceTemplate[] = [
  {
    id: 'preflight',
    title: 'Pre-flight check',
    description: 'Oneshot that stops the boot when a required setting is missing.',
    name: 'preflight',
    build: () =>
      oneshot({
        description: 'Checks that the container has what the app needs before anything starts.',
        up: {
          language: 'sh',
          body: 'if [ -z "${DATABASE_URL:-}" ]; then\n  echo "preflight: DATABASE_URL is not set" >&2\n  exit 1\nfi',
        },
        timeoutUp: 30000,
        estimatedUpMs: 500,
      }),
  },
  {
    id: 'web',
    title: 'Web server',
    description: 'Longrun serving HTTP on PORT, with its own env vars.',
    name: 'web',
    build: () =>
      longrun({
        description: 'The web server, in the foreground.',
        run: {
          language: 'sh',
          body: 'cd /app || exit 1\nexec 2>&1\nexec ./bin/server --port "${PORT:-8080}"',
        },
        env: [
          {
            name: 'PORT',
            value: '8080',
            description: 'Port the server listens on',
            group: 'Web server',
          },
        ],
        timeoutKill: 5000,
        process: 'bin/server',
        estimatedUpMs: 2000,
      }),
  },
  {
    id: 'worker',
    title: 'Worker',
    description: 'Longrun that runs queued jobs.',
    name: 'worker',
    build: () =>
      longrun({
        description: 'Runs queued background jobs.',
        run: { language: 'sh', body: 'cd /app || exit 1\nexec 2>&1\nexec ./bin/worker' },
        timeoutKill: 10000,
        process: 'bin/worker',
        estimatedUpMs: 1000,
      }),
  },
  {
    id: 'scheduler',
    title: 'Scheduler',
    description: 'Longrun that queues recurring jobs (cron-like).',
    name: 'scheduler',
    build: () =>
      longrun({
        description: 'Queues recurring jobs on a schedule.',
        run: { language: 'sh', body: 'cd /app || exit 1\nexec 2>&1\nexec ./bin/scheduler' },
        timeoutKill: 3000,
        process: 'bin/scheduler',
        estimatedUpMs: 1000,
      }),
  },
]

/** The template with this id, if any. */
export function templateById(id: string): ServiceTemplate | undefined {
  return TEMPLATES.find((t) => t.id === id)
}
