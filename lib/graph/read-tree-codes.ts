/**
 * The diagnostic codes only `readTree` emits (problems of the files themselves, which a graph
 * cannot have), in the shape of the DIAGNOSTICS catalogue so it can list them too. Codes that
 * `validate` shares (timeout-invalid, fd-invalid, carriage-return, duplicate-name…) are
 * described there.
 */
import type { DiagnosticInfo } from './diagnostics'
import type { Severity } from './types'

function entry(
  code: string,
  severity: Severity,
  rejectedByCompiler: boolean,
  title: string,
  explanation: string,
  fix: string,
): DiagnosticInfo {
  return { code, severity, title, explanation, fix, rejectedByCompiler }
}

const LIST: DiagnosticInfo[] = [
  entry(
    'type-missing',
    'error',
    true,
    'Service folder without a type file',
    'Every folder of an s6-rc source is a service and must say what kind it is in its type file. s6-rc-compile stops with "unable to read …/type" (exit 111).',
    'Add a type file containing oneshot, longrun or bundle.',
  ),
  entry(
    'type-invalid',
    'error',
    true,
    'Invalid type file',
    's6-rc-compile reads at most 8 bytes of type, removes one trailing newline and wants exactly oneshot, longrun or bundle. A Windows line ending, a capital letter, a space or an empty file makes it stop (exit 1).',
    'Write the type in lower case followed by one LF; the export always does.',
  ),
  entry(
    'type-trailing-data',
    'warning',
    false,
    'Extra text in a type file',
    's6-rc-compile reads only the first 8 bytes of type, so anything after the first line is ignored. It compiles, but the file does not mean what it seems to.',
    'Keep only the type and one LF.',
  ),
  entry(
    'not-a-service',
    'error',
    true,
    'Folder that is not a service',
    's6-rc-compile treats every folder of the source as a service; a folder without a type file (often scripts/) makes it stop with "unable to read …/type" (exit 111).',
    'Move helper scripts to /etc/s6-overlay/scripts/ and call them from up.',
  ),
  entry(
    'bundle-contents-missing',
    'error',
    true,
    'Bundle without contents.d',
    'A bundle lists its members in contents.d/. Without that folder (or the old contents file) s6-rc-compile stops (exit 111). An empty folder is fine, but git and zip drop empty folders.',
    'Add contents.d/ with a .empty file in it.',
  ),
  entry(
    'producer-for-invalid',
    'error',
    true,
    'producer-for names more than one service',
    'A producer sends its output to exactly one consumer. s6-rc-compile refuses a producer-for file with zero or several names (exit 1).',
    'Keep one name; several producers may share one consumer instead.',
  ),
  entry(
    'pipeline-name-invalid',
    'error',
    true,
    'pipeline-name holds more than one name',
    'pipeline-name names the automatic bundle of a pipeline, so it must hold exactly one name (exit 1 otherwise).',
    'Keep one name.',
  ),
  entry(
    'oneshot-up-missing',
    'error',
    true,
    'Oneshot without up',
    'A oneshot must have an up file: the command line s6-rc runs to start it. s6-rc-compile stops with "unable to open …/up" (exit 111).',
    'Add an up file with one line calling a script under /etc/s6-overlay/scripts/.',
  ),
  entry(
    'longrun-run-missing',
    'error',
    true,
    'Longrun without run',
    'A longrun is supervised by running its run script. s6-rc-compile stops with "unable to find a run script" when it is missing or not a regular file (exit 1).',
    'Add an executable run script that execs the daemon in the foreground.',
  ),
  entry(
    'not-a-directory',
    'error',
    true,
    'File where a folder is expected',
    'dependencies.d, contents.d, env and data must be folders; s6-rc-compile refuses files with those names.',
    'Replace the file with a folder.',
  ),
  entry(
    'name-trailing-blank',
    'warning',
    false,
    'Name with trailing blanks',
    'In the flat dependencies, contents, producer-for and consumer-for files, s6-rc keeps trailing spaces and the CR of a Windows line ending as part of the name, which then names a service that does not exist.',
    'Remove the trailing blanks and use LF line endings.',
  ),
  entry(
    'up-script-missing',
    'warning',
    false,
    'up calls a script that is not in the image',
    'The up or down line calls a file under /etc/s6-overlay/scripts/ that the image root does not contain, so the step fails with "not found" (exit 127) at boot.',
    'Add the script to the image with mode 0755.',
  ),
  entry(
    'script-not-executable',
    'warning',
    false,
    'Helper script without the exec bit',
    'A script called from up must be executable; otherwise the step fails with "permission denied" (exit 126). s6-rc copies run and finish with mode 0755, but not helpers.',
    'chmod 755 the script, or COPY --chmod=755 it in the Dockerfile.',
  ),
  entry(
    'script-no-shebang',
    'warning',
    false,
    'Script without #! line',
    'run, finish and helper scripts are executed directly, so the kernel needs a #! line to know the interpreter; without it they fail with "Exec format error".',
    'Start the script with #!/bin/sh or #!/command/with-contenv sh.',
  ),
  entry(
    'script-interpreter',
    'warning',
    false,
    'Script for another interpreter',
    's6 Designer keeps scripts as sh or execline. A bash, python or other script is imported as sh and may not run as such.',
    'Keep the program as a file in your image and call it from a short sh script.',
  ),
  entry(
    'script-legacy-path',
    'warning',
    false,
    'Interpreter from the symlink tarballs',
    '/usr/bin/with-contenv and /usr/bin/execlineb exist only when the optional s6-overlay symlink tarballs are installed; s6-overlay v3 puts its tools in /command.',
    'Use /command/with-contenv or /command/execlineb.',
  ),
  entry(
    'env-unset',
    'info',
    false,
    'Empty file in env/',
    's6-envdir removes a variable whose file is empty. The designer has no "unset" variable, so the import leaves it out.',
    'Unset the variable at the top of the run script if that matters.',
  ),
  entry(
    'bundle-layout-both',
    'warning',
    false,
    'Both user bundle layouts present',
    'From s6-overlay 3.2.3.1 the user bundles live in user-bundles.d, but when s6-rc.d/user exists the overlay warns and leaves user-bundles.d out entirely.',
    'Keep one layout, the one of your s6-overlay release.',
  ),
  entry(
    'multiple-sources',
    'warning',
    false,
    'Several s6 trees in the folder',
    'The folder holds more than one image root or s6-rc.d; only the first one found was read.',
    'Point at the folder of one image.',
  ),
  entry(
    'legacy-v2-folder',
    'warning',
    false,
    's6-overlay v2 folder not imported',
    'The import turns cont-init.d, services.d and cont-finish.d into s6-rc services, but not fix-attrs.d: s6-overlay v3 still applies it, with a deprecation notice.',
    'Set owners and modes in the Dockerfile (COPY --chmod, RUN chown) and drop fix-attrs.d.',
  ),
  entry(
    'graph-file-invalid',
    'warning',
    false,
    'Unreadable s6-designer.json',
    'The graph file an export writes could not be used, so the graph was read from the tree instead.',
    'Fix or delete the file; the next export writes it again.',
  ),
  entry(
    'source-not-found',
    'error',
    false,
    'No s6-rc source found',
    'The folder holds neither service folders with a type file nor an image root with etc/s6-overlay.',
    'Point at /etc/s6-overlay/s6-rc.d, at the image root, or at an s6 Designer export.',
  ),
  entry(
    'read-failed',
    'error',
    false,
    'Folder could not be read',
    'Reading the folder failed unexpectedly.',
    'Check the input; report the problem if it persists.',
  ),
]

/** readTree-only codes, keyed by code. */
export const READ_TREE_DIAGNOSTICS: Readonly<Record<string, DiagnosticInfo>> = Object.fromEntries(
  LIST.map((d) => [d.code, d]),
)
