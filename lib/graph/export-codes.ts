/**
 * The diagnostic codes only the exporter emits (`exportProblems` in lib/generate): what it had
 * to leave out or change to keep the files safe and valid. They are in the DIAGNOSTICS
 * catalogue so the docs have a page for each. Most mirror a validation error, which the
 * designer shows first.
 */
import type { DiagnosticInfo } from './diagnostics'
import type { Severity } from './types'

function entry(
  code: string,
  severity: Severity,
  title: string,
  explanation: string,
  fix: string,
): DiagnosticInfo {
  return { code, severity, title, explanation, fix, rejectedByCompiler: false }
}

const LIST: DiagnosticInfo[] = [
  entry(
    'export-unsafe-name',
    'error',
    'Name not safe as a path',
    'A service, env var or file name with "/", "..", a backslash, a control character or a leading dot would write outside its folder, so the export leaves that item out instead.',
    'Rename it with letters, digits, "-" and "_".',
  ),
  entry(
    'export-unsafe-path',
    'error',
    'Project folder outside the repository',
    'The folder the files go to must stay inside the repository and be written as is in the Dockerfile\'s COPY line: an absolute path, one that climbs out with "..", or one with a "$" (which Docker expands there) is replaced by docker/s6.',
    'Use a relative folder such as docker/s6.',
  ),
  entry(
    'export-overlay-version',
    'warning',
    'Unknown s6-overlay release',
    'The target release decides where the user bundle lives and which defaults apply. A release s6 Designer does not know is either replaced by the default or has its layout guessed from its number.',
    'Pick one of the supported releases in the project settings.',
  ),
  entry(
    'export-stage-name',
    'error',
    'Invalid Dockerfile stage name',
    'Docker stage names take letters, digits, ".", "_" and "-". An invalid one would break the FROM line, so the export uses final-s6.',
    'Rename the stage in the project settings.',
  ),
  entry(
    'export-base-image',
    'error',
    'Invalid base image',
    'The FROM line needs an image reference or an earlier stage name; anything else would break the build, so the export uses debian:bookworm-slim.',
    'Write an image such as ruby:3.4-slim-bookworm or the name of a stage.',
  ),
  entry(
    'export-package-manager',
    'warning',
    'Package manager unknown',
    's6-overlay is shipped as .tar.xz archives, so the image needs xz. s6 Designer guesses the package manager from the base image name and writes no install step when it cannot tell.',
    'Choose apk, apt or dnf in the project settings, or "none" when the image already has xz.',
  ),
  entry(
    'export-crlf',
    'warning',
    'Carriage returns written as LF',
    'A CR in a script makes the kernel look for an interpreter called "sh\\r" and breaks s6 files. The export writes every line ending as LF and says where it did.',
    'Save scripts with LF line endings.',
  ),
  entry(
    'export-script-collision',
    'error',
    'Two scripts for one path',
    "A oneshot's scripts live at /etc/s6-overlay/scripts/<name> and <name>-down; a service named like another's down script would share that path, so the second one is left out.",
    'Rename one of the two services.',
  ),
  entry(
    'export-invalid-number',
    'error',
    'Number not written',
    'Timeouts, file descriptors and max-death-tally must be whole numbers s6-rc-compile can read; a value that is not is left out of the tree.',
    'Enter a whole number of milliseconds (or an fd of 3 or more).',
  ),
  entry(
    'export-invalid-signal',
    'error',
    'Down signal not written',
    'down-signal must name a signal (SIGTERM, SIGQUIT…) or give its number. Anything else is left out, and s6 then uses SIGTERM.',
    'Pick a signal from the list.',
  ),
  entry(
    'export-env-value',
    'warning',
    'Environment value left out',
    'A Dockerfile ENV cannot hold a line break, and env/ files cannot hold NUL or CR, so such values are left out and must be given at run time.',
    'Give the value with docker run -e, or remove the line break.',
  ),
  entry(
    'export-env-name',
    'error',
    'Environment name left out',
    'A variable name must be usable in a Dockerfile ENV line and as a file name under env/; names with "=", blanks or control characters are left out.',
    'Use letters, digits and "_", not starting with a digit.',
  ),
  entry(
    'export-extra-file',
    'warning',
    'Extra file left out',
    'Files kept from an import are written under data/ in the service folder. A path outside data/, or one that would replace the readiness check, is left out.',
    'Move the file under data/ or remove it.',
  ),
  entry(
    'export-overlay-name',
    'error',
    'Service named like s6-overlay',
    'base, top, fix-attrs, legacy-cont-init and legacy-services are defined by s6-overlay, and user and user2 must be bundles. A second definition makes s6-rc-compile fail, so it is left out.',
    'Rename the service.',
  ),
  entry(
    'export-unknown-type',
    'error',
    'Service of unknown type',
    'Every service must be a oneshot, a longrun or a bundle; one with another type cannot be written and is left out.',
    'Set its type, or delete it.',
  ),
  entry(
    'export-healthcheck-service',
    'warning',
    'Health check service left out',
    'The health check asks s6-svstat about longruns of the design; a name that is not one is left out of the check.',
    'Pick longruns of the design in the health check settings.',
  ),
  entry(
    'export-healthcheck-url',
    'error',
    'Health check URL left out',
    'The HTTP probe URL goes into a shell command; blanks or control characters in it would break the command, so the probe is left out.',
    'Write a plain URL such as http://127.0.0.1:3000/health.',
  ),
  entry(
    'export-healthcheck-empty',
    'info',
    'Health check with nothing to check',
    'A health check needs at least one longrun or a URL; with neither, no HEALTHCHECK line is written.',
    'Add a longrun or a URL, or turn the health check off.',
  ),
  entry(
    'export-service-failed',
    'error',
    'Service could not be exported',
    'Something unexpected in this service stopped its files from being written; the rest of the design was still exported.',
    'Check the service for odd values, or report the problem.',
  ),
  entry(
    'export-file-failed',
    'error',
    'File could not be written',
    'Something unexpected stopped one generated file from being written; the rest of the export is complete.',
    'Report the problem with the design attached.',
  ),
  entry(
    'export-failed',
    'error',
    'Export failed',
    'The export stopped on something unexpected; nothing was written.',
    'Report the problem with the design attached.',
  ),
]

/** The exporter's own codes, keyed by code. */
export const EXPORT_DIAGNOSTICS: Readonly<Record<string, DiagnosticInfo>> = Object.fromEntries(
  LIST.map((d) => [d.code, d]),
)
