/**
 * Graphs for the real-tool tests. `featureGraph` uses every exporter feature with bodies that
 * are clean for shellcheck; `liveGraph` runs under s6 with stub programs from `fakeBin`
 * (stub-daemon, log-event) in place of the user's applications.
 */
import type { ServiceGraph } from '@/lib/graph/types'
import { bundle, graphOf, longrun, oneshot } from '../fixtures/graphs'

export function featureGraph(): ServiceGraph {
  return graphOf(
    {
      prepare: oneshot({
        up: { language: 'sh', body: 'mkdir -p /var/lib/app\nchown nobody /var/lib/app' },
        down: { language: 'sh', body: 'rm -rf /var/lib/app/tmp' },
      }),
      seed: oneshot({
        up: {
          language: 'execline',
          body: 'foreground { echo seeding }\nif { test -d /var/lib/app }\nexit 0',
        },
        down: { language: 'execline', body: 'echo "bye # not a comment"' },
        dependencies: ['prepare'],
        withContenv: false,
      }),
      app: longrun({
        run: {
          language: 'sh',
          body: 'cd /srv/app || exit 1\nexec ./server --port "${PORT:-8080}"',
        },
        finish: {
          language: 'sh',
          body: 'echo "app exited: $1 $2" >&2\n[ "$1" -ne 0 ] || exit 125',
        },
        env: [
          { name: 'PORT', value: '8080' },
          { name: 'QUOTED', value: 'a "b" $c `d`' },
          { name: 'TOKEN', value: '', secret: true },
        ],
        readiness: {
          notificationFd: 3,
          check: 'curl -fsS http://127.0.0.1:8080/health >/dev/null',
        },
        producerFor: 'app-log',
        dependencies: ['seed'],
        timeoutKill: 3000,
        downSignal: 'SIGINT',
      }),
      'app-log': longrun({
        run: { language: 'execline', body: 'logutil-service /var/log/app' },
        withContenv: false,
        consumerFor: ['app'],
        pipelineName: 'app-pipeline',
      }),
      worker: longrun({
        run: { language: 'execline', body: 'cd /srv/app\nforeground { echo starting }\n./worker' },
        finish: {
          language: 'execline',
          body: 'foreground { echo worker exited $1 signal $2 }\nexit 0',
        },
        env: [{ name: 'QUEUE', value: 'default' }],
        readiness: { notificationFd: 4, check: 'test -S /run/worker.sock' },
        dependencies: ['group'],
      }),
      plain: longrun({ run: { language: 'sh', body: 'exec sleep infinity' }, withContenv: false }),
      group: bundle({ contents: ['prepare', 'seed'] }),
    },
    { user: ['app-pipeline', 'worker', 'plain'] },
  )
}

/** Services for the live tests; `readyFlag` is the file whose existence makes `ready` ready. */
export function liveGraph(readyFlag: string): ServiceGraph {
  return graphOf({
    prep: oneshot({
      up: { language: 'sh', body: 'log-event start prep' },
      down: { language: 'sh', body: 'log-event stop prep' },
    }),
    migrate: oneshot({
      up: { language: 'execline', body: 'log-event start migrate' },
      down: { language: 'execline', body: 'log-event stop migrate' },
      dependencies: ['prep'],
    }),
    checks: bundle({ contents: ['prep', 'migrate'] }),
    db: longrun({
      run: { language: 'sh', body: 'exec stub-daemon db' },
      finish: { language: 'sh', body: 'log-event finish db "$1" "$2"' },
      dependencies: ['checks'],
      timeoutKill: 2000,
    }),
    web: longrun({
      run: { language: 'execline', body: 'stub-daemon web' },
      finish: { language: 'execline', body: 'log-event finish web $1 $2' },
      dependencies: ['db', 'migrate'],
      downSignal: 'SIGINT',
      timeoutKill: 2000,
    }),
    stubborn: longrun({
      run: { language: 'sh', body: 'exec stub-daemon stubborn ignore-term' },
      finish: { language: 'sh', body: 'log-event finish stubborn "$1" "$2"' },
      timeoutKill: 300,
    }),
    crashy: longrun({
      run: { language: 'sh', body: 'exec stub-daemon crashy exit 3' },
      finish: { language: 'sh', body: 'log-event finish crashy "$1" "$2"' },
    }),
    ready: longrun({
      run: { language: 'sh', body: 'exec stub-daemon ready' },
      env: [{ name: 'READY_FLAG', value: readyFlag }],
      readiness: { notificationFd: 3, check: 'test -f "$READY_FLAG"' },
    }),
  })
}
