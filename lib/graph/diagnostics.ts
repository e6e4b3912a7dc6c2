/**
 * The catalogue of diagnostic codes: one entry per code `validate()` emits, with the severity it
 * always has. The docs site renders one page per entry (`/docs/diagnostics/<code>/`), and the
 * problems panel links there.
 */
import { EXPORT_DIAGNOSTICS } from './export-codes'
import { READ_TREE_DIAGNOSTICS } from './read-tree-codes'
import type { Severity } from './types'

/** What the docs and the problems panel know about one diagnostic code. */
export interface DiagnosticInfo {
  code: string
  severity: Severity
  /** Short title, sentence case, for example "Dependency cycle". */
  title: string
  /** Why s6-rc-compile or s6-overlay cares, in two or three sentences. */
  explanation: string
  /** How to fix it in the designer. */
  fix: string
  /** Whether the real s6-rc-compile 0.5.4.1 refuses such a tree. */
  rejectedByCompiler: boolean
}

type Entry = Omit<DiagnosticInfo, 'code'>

const error = (
  title: string,
  rejectedByCompiler: boolean,
  explanation: string,
  fix: string,
): Entry => ({
  severity: 'error',
  title,
  explanation,
  fix,
  rejectedByCompiler,
})
const warning = (title: string, explanation: string, fix: string): Entry => ({
  severity: 'warning',
  title,
  explanation,
  fix,
  rejectedByCompiler: false,
})
const info = (title: string, explanation: string, fix: string): Entry => ({
  severity: 'info',
  title,
  explanation,
  fix,
  rejectedByCompiler: false,
})

const ENTRIES: Record<string, Entry> = {
  'graph-shape': error(
    'Not a service graph',
    false,
    'The data is not a graph the designer understands: it is not an object, it lacks the services map, or it has an unknown format version. Nothing else can be checked until the shape is right.',
    'Open a graph exported by s6 Designer, or start from a new graph or an example.',
  ),
  'service-shape': error(
    'Malformed service',
    false,
    'A service has a field of the wrong kind, for example a type other than oneshot, longrun or bundle, or a dependency list that is not a list of names. s6-rc-compile would refuse the directory it becomes.',
    'Fix the field in the inspector, or remove the service and add it again.',
  ),
  'invalid-name': error(
    'Invalid name',
    true,
    'A service name is the name of its directory in s6-rc.d. s6-rc-compile refuses names with a newline, a slash cannot be part of a directory name, and names starting with a dot are skipped as if they did not exist.',
    'Rename the service using letters, digits, "-" and "_", starting with a letter or digit.',
  ),
  'unsafe-name': error(
    'Name the designer refuses',
    false,
    's6-rc accepts spaces, tabs and non-ASCII letters in names, but they break the paths, scripts and Dockerfile lines the designer generates. The designer allows letters, digits, "-" and "_", starting with a letter or digit, at most 64 characters.',
    'Rename the service using letters, digits, "-" and "_", starting with a letter or digit.',
  ),
  'reserved-name': error(
    'Reserved name',
    true,
    's6-rc reserves names starting with "s6rc-" or "s6-rc-" for its own services (s6rc-oneshot-runner, s6rc-fdholder). s6-rc-compile refuses them as service names and also as names listed in dependencies or bundle contents.',
    'Rename the service, or remove the reference to the reserved name.',
  ),
  'overlay-name': error(
    'Name taken by s6-overlay',
    true,
    's6-overlay compiles its own services next to yours: base, top, fix-attrs, legacy-cont-init and legacy-services. Defining one of them again is a duplicate definition, and s6-rc-compile stops the boot. Depending on them is fine.',
    'Rename the service; to run something after cont-init.d, depend on base instead.',
  ),
  'syslogd-name': warning(
    'Name taken by the syslogd overlay',
    'With the optional syslogd-overlay tarball installed, s6-overlay also defines syslogd, syslogd-log, syslogd-prepare, syslogd-bundle and syslogd-pipeline. A service with one of these names then fails to compile as a duplicate.',
    'Rename the service unless you are sure the image never installs the syslogd overlay.',
  ),
  'missing-user-bundle': error(
    'No user bundle',
    false,
    's6-overlay starts what the user bundle contains. A graph without it has no way to say which services boot.',
    'Add a bundle named user and put the services to start in it.',
  ),
  'overlay-bundle-type': error(
    'user or user2 is not a bundle',
    true,
    "user and user2 are s6-overlay bundles: the export only adds members to them. Defining them as a oneshot or longrun clashes with the overlay's own definition.",
    'Rename the service and keep user (and user2, if used) as bundles.',
  ),
  'duplicate-name': error(
    'Name used twice',
    true,
    'Pipeline names are automatic bundles and share the namespace of services. A pipeline name equal to a service name or to another pipeline name is a duplicate definition for s6-rc-compile.',
    'Give the pipeline a name no other service or pipeline uses.',
  ),
  'missing-dependency': error(
    'Dependency on an undefined service',
    true,
    'Every name in dependencies.d must be a service or bundle defined in s6-rc.d or by s6-overlay. s6-rc-compile stops at the first undefined name.',
    'Create the missing service, fix the spelling, or remove the dependency.',
  ),
  'missing-member': error(
    'Bundle member is undefined',
    true,
    "Every name in a bundle's contents.d must be a service, bundle or pipeline name. s6-rc-compile refuses a bundle with an undefined member.",
    'Create the missing service, fix the spelling, or remove it from the bundle.',
  ),
  'duplicate-reference': warning(
    'Name listed twice',
    'A dependency or bundle member is listed more than once. The exported directory holds one entry per name, so the repeat does nothing.',
    'Remove the repeated entry.',
  ),
  'dependency-cycle': error(
    'Dependency cycle',
    true,
    'Services that need each other, directly or through bundles, can never start: s6-rc-compile refuses any cycle, a service depending on itself included. A producer counts as depending on its consumer, and a dependency on a bundle counts as a dependency on each of its members.',
    'Remove one of the dependencies on the cycle the message shows.',
  ),
  'bundle-cycle': error(
    'Bundle cycle',
    true,
    'Bundles can contain bundles, but not themselves, directly or through other bundles. s6-rc-compile refuses such a definition.',
    'Remove one of the memberships on the cycle the message shows.',
  ),
  'pipeline-missing': error(
    'Pipeline link to an undefined service',
    true,
    'producer-for and consumer-for must name existing longruns. s6-rc-compile refuses a link to an undefined name.',
    'Create the missing longrun or remove the link.',
  ),
  'pipeline-not-longrun': error(
    'Pipeline link to a oneshot or bundle',
    true,
    "Only longruns can be linked into a pipeline: the pipe connects one process's stdout to another's stdin. s6-rc-compile refuses a producer-for or consumer-for naming a oneshot or a bundle.",
    'Link the service to a longrun instead.',
  ),
  'pipeline-one-sided': error(
    'Pipeline link declared on one side only',
    true,
    'A producer must name its consumer in producer-for, and the consumer must name the producer back in consumer-for. s6-rc-compile refuses a link that only one side declares.',
    'Declare the link on both sides, or remove it from the side that has it.',
  ),
  'pipeline-cycle': error(
    'Pipeline cycle',
    true,
    'Following producer-for from a longrun leads back to it, so no process is the end of the pipeline. s6-rc-compile refuses cyclic pipelines.',
    'Remove one producer-for link on the loop.',
  ),
  'pipeline-name-ignored': warning(
    'Pipeline name on a service that does not end a pipeline',
    'Only the last consumer of a pipeline (a consumer that is not itself a producer) may carry the pipeline name. s6-rc-compile ignores it elsewhere, so the bundle it should create does not exist.',
    'Move the pipeline name to the last consumer of the pipeline.',
  ),
  'timeout-invalid': error(
    'Invalid timeout',
    true,
    'timeout-up, timeout-down, timeout-kill and timeout-finish hold a whole number of milliseconds from 0 to 4294967295. s6-rc-compile refuses anything else.',
    'Enter a whole number of milliseconds, or clear the field for no limit.',
  ),
  'fd-invalid': error(
    'Invalid file descriptor',
    true,
    'notification-fd and lock-fd hold a whole, non-negative number. s6-rc-compile fails on anything else.',
    'Enter a whole number, 3 or more.',
  ),
  'fd-low': warning(
    'File descriptor below 3',
    'Descriptors 0, 1 and 2 are stdin, stdout and stderr. s6 only warns, but a daemon told to signal readiness or hold a lock there clobbers its standard streams.',
    'Use 3 or more.',
  ),
  'fd-conflict': error(
    'lock-fd equals notification-fd',
    true,
    'The lock descriptor and the readiness descriptor must be different. s6-rc-compile refuses a service where they are equal.',
    'Give lock-fd a different number, or remove it.',
  ),
  'max-death-tally-invalid': error(
    'Invalid max-death-tally',
    true,
    'max-death-tally is a whole number of remembered deaths, at most 4096. s6-rc-compile refuses a value that is not a whole number; s6-supervise does not accept more than 4096.',
    'Enter a whole number from 0 to 4096, or clear the field for the default of 100.',
  ),
  'carriage-return': error(
    'Carriage return',
    true,
    'A Windows line ending (CR) in a name makes it undefined for s6-rc-compile, and in scripts it breaks the shebang ("sh\\r: not found") and arguments. Every generated file must use plain LF line endings.',
    'Remove the carriage returns, for example by retyping or pasting the text again.',
  ),
  'nul-byte': error(
    'NUL byte',
    false,
    'A NUL byte (the character 0) ends a string for the programs that read these files: a shell stops reading the script there, s6-envdir cuts the value, and most editors do not show it. It usually comes from pasting binary data or text saved as UTF-16.',
    'Remove the character (retype the text around it), or save the file as UTF-8.',
  ),
  'text-too-long': warning(
    'Text too long to share',
    'Graph files, share links and the s6-designer.json of an export are read with a limit of 100 KB for any one text, so that a damaged or hostile file cannot hang the page. A longer script or value can be made and kept in the designer, but a link or file holding it is refused when it is opened or imported. s6 itself has no such limit: the exported tree works, only the round trip through a link or the s6-designer.json does not.',
    'Keep a script that long in your image (for example under /usr/local/bin) and call it from the service, or move a long value into a file.',
  ),
  'byte-order-mark': error(
    'Byte-order mark',
    false,
    'Some Windows editors start a UTF-8 file with an invisible byte-order mark (BOM, the bytes EF BB BF). Before #! it hides the interpreter line, so the kernel refuses the script ("Exec format error"); at the start of an up or down line it becomes part of the first command\'s name, which is then not found. The import removes it and says so.',
    'Save the file as UTF-8 without BOM (in VS Code: "UTF-8", not "UTF-8 with BOM"); the export never writes one.',
  ),
  'missing-script': error(
    'Missing script',
    true,
    'A longrun needs a run script and a oneshot needs an up script. s6-rc-compile stops when the file is missing.',
    'Write the script in the inspector.',
  ),
  'empty-run': error(
    'Empty run script',
    false,
    "A longrun's run script must exec the long-running process. An empty one exits at once, and s6-supervise restarts it every second forever.",
    'Write the command that starts the daemon in the foreground, preceded by exec.',
  ),
  'empty-up': warning(
    'Empty up script',
    'A oneshot whose up script is empty does nothing. s6-rc accepts it, but it is usually a mistake.',
    'Write what the oneshot should do, or remove the oneshot.',
  ),
  'name-case-clash': warning(
    'Names that differ only in case',
    's6 on Linux tells web and WEB apart, but macOS and Windows file systems do not: a repository holding the export checked out there has one folder for both services, and what is committed from it is wrong.',
    'Rename one of the services so the names differ in more than case.',
  ),
  'script-outside-export': warning(
    'Script calls a script the design does not hold',
    'A script calls a script under /etc/s6-overlay/scripts/ that the export does not write: a oneshot step that is one line calling it (as in an imported tree whose scripts were not read with it), or a longer step, run or finish script that runs it as a helper. The export keeps a script only as a oneshot\'s whole up or down: if the image does not have the helper, the call fails with "not found" (exit 127) at boot, and what depends on it never starts.',
    "Put the script's commands into the step here (the export then writes the script), or make sure your image has the script, with mode 0755.",
  ),
  'script-language-mismatch': warning(
    'Script written in another language',
    "Each script is written out for the language it is set to. execlineb reads a whole script as one command line: sh's &&, ;, $(…), set -e, assignments and if/then/fi reach the command as plain words, so the script does something else than it says. sh cannot run execline's { } blocks (over several lines they are a syntax error), and importas substitutes nothing for sh. A sh script's own #! line naming bash or python is only a comment under the #!/command/with-contenv sh line the export writes. The designer tells by such constructs, so it can miss a script or, rarely, flag one that is right.",
    'Switch the script to the language it is written in (the switch above the editor), or rewrite it; for bash, python and the like, have the script exec a file of that language that your image provides.',
  ),
  'execline-unbalanced': error(
    'Unbalanced braces in an execline script',
    false,
    'execlineb refuses a script whose { and } blocks do not match, so the service fails every time it starts.',
    'Add or remove braces so that every { has its }.',
  ),
  'env-name-invalid': error(
    'Invalid variable name',
    false,
    'A variable name becomes a file name in env/ and a Dockerfile ENV key. An empty name, or one with "=", "/", a NUL byte, or a leading dot, cannot be written or is skipped by s6-envdir.',
    'Rename the variable using letters, digits and "_", not starting with a digit.',
  ),
  'env-name-unusual': warning(
    'Unusual variable name',
    'Shells can only read variables named with letters, digits and "_", not starting with a digit. Other names are passed along but a sh script cannot use them.',
    'Rename the variable using letters, digits and "_", not starting with a digit.',
  ),
  'env-duplicate': error(
    'Variable defined twice',
    false,
    'Two variables with the same name in one place write the same env/ file or ENV key, so one silently replaces the other.',
    'Remove or rename one of them.',
  ),
  'env-value-newline': warning(
    'Variable value spans several lines',
    "A Dockerfile ENV cannot hold a line break, so a container variable with one is left out of the Dockerfile and must be given at run time. A service's env/ file keeps the whole value: the export reads it with s6-envdir -Lf, as with-contenv does. Plain s6-envdir, without -Lf, would keep only the first line, so a script that reads the folder itself loses the rest.",
    'Put the value on one line, or pass it at run time if it really spans several.',
  ),
  'secret-value': warning(
    'Secret with a value',
    'A variable marked secret is documented, not shipped: the export and share links leave its value out, and the README asks for it at run time. The value typed here stays only in this browser, so the image built from the export runs without it unless it is given.',
    'Clear the value here, and pass the secret at run time (docker run -e, or a secrets manager).',
  ),
  'down-signal-unknown': warning(
    'Unknown down signal',
    'down-signal must name a signal (SIGTERM, TERM, term) or give its number. s6-supervise warns about anything else and sends SIGTERM instead.',
    'Pick a signal such as SIGTERM, SIGQUIT or SIGINT.',
  ),
  'estimate-over-timeout': warning(
    'Estimated start longer than the start timeout',
    'A oneshot, or a longrun that signals readiness, is given at most timeout-up to come up; then s6-rc fails it and never starts what depends on it. An estimate above that limit means the service is expected to fail at every boot.',
    'Raise timeout-up above the time the service really takes, or correct the estimate.',
  ),
  'estimate-invalid': warning(
    'Invalid start estimate',
    'The estimated start time is only used for the start timeline, which needs a non-negative number of milliseconds.',
    'Enter a number of milliseconds, or clear the field.',
  ),
  essential: warning(
    'Essential flag',
    'flag-essential makes s6-rc -d skip the service, and its dependencies with it. s6-overlay stops services with s6-rc -d, so an essential service never gets an orderly stop in a container.',
    'Turn the essential flag off.',
  ),
  'not-started': warning(
    'Service never started',
    "Nothing in the user bundle (or user2) brings the service up, directly, through a bundle, as a dependency, or as a producer's logger. s6-overlay compiles it but never starts it.",
    'Add the service (or a bundle or service that needs it) to the user bundle.',
  ),
  'no-base-dependency': warning(
    'Service does not wait for base',
    "Without a dependency on base, a service may start before the overlay's fix-attrs and cont-init.d scripts have finished. The project does not add base automatically.",
    'Add a dependency on base, or turn on the Project tab\'s "Services depend on base" setting (its switch reads "Depend on base").',
  ),
  'logger-without-prepare': warning(
    'Logger without a prepare oneshot',
    'logutil-service runs s6-log as nobody, which cannot create or write a log directory owned by root. The usual pattern is a oneshot that creates the directory and hands it to nobody, which the logger depends on.',
    'Add a -log-prepare oneshot (mkdir, chown to nobody and its group, chmod 02755) and make the logger depend on it.',
  ),
  'logutil-readiness': warning(
    'Readiness on logutil-service',
    'logutil-service never signals readiness, so a notification-fd on it makes s6-rc wait for a readiness that never comes until timeout-up, and dependents never start.',
    'Remove the readiness setting, or run s6-log -d3 yourself with notification-fd 3.',
  ),
  'script-v2-command': warning(
    'Script written for s6-overlay v2',
    's6-overlay v3 moved its tools to /command and its supervision tree from /var/run/s6/services to /run/service. A script that halts the container with s6-svscanctl -t /var/run/s6/services does nothing under v3 (the container keeps running), and /usr/bin/s6-… or /bin/execlineb exist only when the optional symlink tarballs are installed.',
    'Halt the container with /run/s6/basedir/bin/halt, use /run/service for the scan directory, and call s6 tools by name (they are on the PATH).',
  ),
  'run-backgrounds': warning(
    'run script starts something in the background',
    's6-supervise watches the process run becomes. A command sent to the background with & is not supervised: it is not restarted, not stopped in order, and may outlive the service.',
    'Run the daemon in the foreground and exec it; give other processes their own longrun.',
  ),
  'env-without-contenv': warning(
    'Container variable read without with-contenv',
    "s6-overlay starts every service with a minimal environment; with-contenv is what loads the container's variables (ENV in the Dockerfile, docker run -e) before the script runs. A script of a service with it turned off reads such a variable as unset, and the program it execs does not see it either.",
    "Turn on Run with with-contenv for the service, or, for a longrun's run script, give the service the variable itself (its own variables reach run either way).",
  ),
  'cd-unchecked': warning(
    'cd whose failure nothing catches',
    'If the folder is missing (a typo, a volume not mounted, a path changed in the image), cd fails but a sh script goes on: the rest runs in whatever folder the script started in, so the daemon starts in the wrong place, or a cleanup deletes files in the wrong folder.',
    'Write cd /app || exit 1 (or put set -e at the top of the script).',
  ),
  'run-no-exec': warning(
    'run script does not exec its command',
    'The last command of a sh run script should replace the shell with exec. Otherwise the shell stays between s6-supervise and the daemon, and the down signal reaches the shell instead of the daemon.',
    'Start the last line with exec.',
  ),
  'readiness-without-check': warning(
    'Readiness that nothing signals',
    'With notification-fd, s6 counts a longrun as up only when its daemon writes a newline to that descriptor, and s6-rc starts what needs it only then. s6-log -d3 does that; most daemons do not. Without a ready check (which the export runs through s6-notifyoncheck), such a service never becomes ready.',
    'Give the service a ready check, a command that succeeds once it serves (for example nc -z 127.0.0.1 8080), or turn Readiness off if the daemon does not signal it.',
  ),
  'readiness-unbounded': warning(
    'Readiness wait without a time limit',
    'A longrun with readiness is up only once it is ready. With no start timeout (timeout-up), and S6_CMD_WAIT_FOR_SERVICES_MAXTIME at 0 (the default since 3.2.0.0), nothing ever gives up: if the service never becomes ready, the boot waits forever, what needs it never starts, and the command of the container never runs.',
    'Set a start timeout on the service, so that s6-rc reports the failure and the boot goes on (or stops, per S6_BEHAVIOUR_IF_STAGE2_FAILS); or give the whole boot a limit with S6_CMD_WAIT_FOR_SERVICES_MAXTIME.',
  ),
  'base-image-no-shell': error(
    'Base image without a shell',
    false,
    "scratch and distroless images (but distroless's :debug tags, which have busybox) have no /bin/sh. s6-overlay's /init is a shell script, the Dockerfile stage installs s6-overlay with RUN steps, and sh scripts need sh: the image does not build, and could not boot s6-overlay if it did.",
    'Choose a base image with a shell, such as debian:bookworm-slim or alpine, and copy your program into it.',
  ),
  's6-setting-unknown': warning(
    'Unknown s6-overlay setting',
    "The project's s6-overlay settings are written into the Dockerfile as ENV. A name s6-overlay does not know (a typo, or an ordinary variable put there) is set and never read.",
    'Check the name against the s6-overlay settings list; put ordinary variables in the container environment.',
  ),
  's6-setting-invalid': error(
    'Invalid s6-overlay setting',
    false,
    's6-overlay reads its timing settings as whole numbers of milliseconds and its switches as one of a few digits. Another value is misread (S6_KILL_GRACETIME=abc is no grace time at all) or ignored, and the shutdown or boot does something else than the design shows.',
    'Give a whole number of milliseconds, or one of the listed choices.',
  ),
  'stop-over-docker-stop': warning(
    'Stop may take longer than docker stop waits',
    'At shutdown s6-overlay stops the services in order and then waits S6_KILL_GRACETIME in full. If the worst case exceeds the 10 seconds docker stop waits, Docker kills the container before its services stop cleanly.',
    'Lower timeout-kill or timeout-finish on the slowest services, or tell users to run docker stop -t with a longer time.',
  ),
  'stop-unbounded': info(
    'Stop time is not bounded',
    'A longrun without timeout-kill is never sent SIGKILL by s6, and a oneshot down script without timeout-down may run forever, so the stop has no worst case. A daemon ignoring its down signal then holds up the shutdown until Docker kills the container.',
    'Set timeout-kill (or timeout-down for a oneshot) to bound the stop.',
  ),
  'overlay-version': error(
    'Unsupported s6-overlay version',
    false,
    'The exported layout, Dockerfile and defaults depend on the s6-overlay release. The project names a release the designer does not know.',
    'Pick one of the listed s6-overlay versions in the project settings.',
  ),
  'boot-timeout': warning(
    'Boot may exceed the start time limit',
    'S6_CMD_WAIT_FOR_SERVICES_MAXTIME limits the whole boot (5000 ms by default up to s6-overlay 3.1.6.2). When the services may take longer, s6-rc gives up and the container fails to start.',
    'Set S6_CMD_WAIT_FOR_SERVICES_MAXTIME to 0 and rely on per-service timeout-up instead.',
  ),
  'healthcheck-service': error(
    'Health check names an unknown service',
    false,
    'The Docker health check asks s6-svstat whether each listed longrun is up. A name that is not a longrun of the graph makes the check fail forever.',
    'Pick longruns of the graph in the health check settings.',
  ),
}

const VALIDATE_DIAGNOSTICS: Record<string, DiagnosticInfo> = Object.fromEntries(
  Object.entries(ENTRIES).map(([code, entry]) => [code, { code, ...entry }]),
)

/**
 * Every code validate(), readTree() and the exporter can emit, keyed by code. readTree's own
 * codes (problems of files, which a graph cannot have) come from lib/graph/read-tree-codes.ts,
 * the exporter's from lib/graph/export-codes.ts; codes both emit
 * are described here.
 */
export const DIAGNOSTICS: Record<string, DiagnosticInfo> = {
  ...EXPORT_DIAGNOSTICS,
  ...READ_TREE_DIAGNOSTICS,
  ...VALIDATE_DIAGNOSTICS,
}

/** The catalogue entry of a code (undefined for codes another module emits). */
export function diagnosticInfo(code: string): DiagnosticInfo | undefined {
  return Object.hasOwn(DIAGNOSTICS, code) ? DIAGNOSTICS[code] : undefined
}
