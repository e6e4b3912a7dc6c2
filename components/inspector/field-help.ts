/**
 * What each inspector field means in s6 terms: the file it becomes and its default. Shown as
 * help text under the field (FORMAT.md §1, §5).
 */
export const HELP: Record<string, string> = {
  name: 'The directory name in s6-rc.d/. Letters, digits, - and _; renaming updates every reference.',
  description: 'Shown in the generated README. Not used by s6.',
  type: 'The `type` file: oneshot runs once, longrun is supervised, bundle names a group.',
  up: 'The oneshot’s start script. Exported to /etc/s6-overlay/scripts/<name>; the `up` file is one line that runs it. Exit 0 means success.',
  down: 'Optional. Runs when the oneshot is stopped (container shutdown). Without it, stopping does nothing.',
  run: 'The `run` script: must stay in the foreground and end by exec’ing the long-running process.',
  finish:
    'Optional `finish` script: runs after each exit with the exit code, the signal and the service name. Exit 125 stops restarts.',
  withContenv:
    'Wrap the scripts in with-contenv so they see the container’s environment (Docker ENV). Default on; s6 services otherwise start with an empty environment.',
  dependencies:
    '`dependencies.d/`: what must be up before this starts. s6-rc closes the list itself, so name only direct needs. `base` is added on export unless turned off in Project.',
  contents:
    '`contents.d/`: the services or bundles this bundle names. Bringing the bundle up brings up every member.',
  timeoutUp:
    '`timeout-up`: how long starting may take before s6-rc gives up. Empty or 0: no limit.',
  timeoutDown: '`timeout-down`: how long stopping may take. Empty or 0: no limit.',
  timeoutKill:
    '`timeout-kill`: after the down signal, wait this long, then SIGKILL. Empty or 0: never kill (shutdown may then hang until Docker’s 10 s).',
  timeoutFinish: '`timeout-finish`: how long `finish` may run. Default 5 s; 0 means no limit.',
  downSignal:
    '`down-signal`: the signal that asks the daemon to stop. Default SIGTERM; nginx and php-fpm prefer SIGQUIT.',
  maxDeathTally:
    '`max-death-tally`: how many deaths s6-supervise remembers (at most 4096). Default 100.',
  lockFd: '`lock-fd`: an fd (3 or more) s6 locks so two copies never run. Optional.',
  readiness:
    '`notification-fd`: the daemon writes a newline to this fd (3 or more) when ready; dependents wait for it. Without it, the service counts as up as soon as it is spawned.',
  'readiness.check':
    'Optional command that exits 0 once the service is ready. Exported as data/check, polled by s6-notifyoncheck.',
  env: '`env/`: per-service variables, loaded with s6-envdir after with-contenv (they override container values). Names: letters, digits and _.',
  logger:
    'Send this service’s output through an s6-log logger (a <name>-log longrun and a <name>-log-prepare oneshot), rotated under /var/log/<name>.',
  process:
    'What `ps` shows for the process `run` execs, for the process-tree preview. Not exported.',
  children:
    'Processes the daemon forks (for example Puma workers), for the process-tree preview. Count: a number or an env var name.',
  estimatedUpMs:
    'Roughly how long it takes to become ready, for the start timeline only. Not exported.',
  essential:
    '`flag-essential`: s6-overlay then never stops it in order. Rarely what you want in a container.',
  producerFor: '`producer-for`: the logger that reads this service’s output.',
  consumerFor: '`consumer-for`: the services whose output this logger reads.',
  pipelineName:
    '`pipeline-name`: a bundle name for the whole pipeline, put in `user` instead of the producer.',
}
