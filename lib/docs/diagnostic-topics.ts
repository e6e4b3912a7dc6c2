/**
 * Where each diagnostic code's "Learn more" link goes: the guide page (and section) that
 * explains the idea behind it. Every code of the catalogue has one (test/docs checks it, and
 * that the page and section exist).
 */

/** `slug` or `slug#heading-id` of a page in DOCS_NAV. */
export type DocTopic = string

const DEPS = 'dependencies-and-bundles#what-s6-rc-refuses'
const TYPES = 'service-types'
const ENV = 'environment-variables'
const DOCKERFILE = 'dockerfile#what-the-stage-does'
const IMPORT = 'cli#import'
const LOGGING = 'logging#rules-the-compiler-enforces'
const FIELDS = 'field-reference'

export const DIAGNOSTIC_TOPICS: Readonly<Record<string, DocTopic>> = {
  // Export: what could not be written as designed.
  'export-unsafe-name': DEPS,
  'export-unsafe-path': `${FIELDS}#project`,
  'export-overlay-version': 'dockerfile#choosing-an-s6-overlay-version',
  'export-stage-name': `${FIELDS}#project`,
  'export-base-image': DOCKERFILE,
  'export-package-manager': DOCKERFILE,
  'export-crlf': 'dockerfile#things-to-avoid',
  'export-script-collision': `${TYPES}#oneshot`,
  'export-invalid-number': `${FIELDS}#longrun`,
  'export-invalid-signal': 'graceful-shutdown#picking-the-right-signal',
  'export-env-value': `${ENV}#how-env-files-are-read`,
  'export-env-name': `${ENV}#container-variables`,
  'export-extra-file': `${FIELDS}#longrun`,
  'export-overlay-name': DEPS,
  'export-unknown-type': `${TYPES}#choosing-a-type`,
  'export-healthcheck-service': 'readiness#readiness-in-health-checks',
  'export-healthcheck-url': 'readiness#readiness-in-health-checks',
  'export-healthcheck-empty': 'readiness#readiness-in-health-checks',
  'export-service-failed': 'getting-started#4-download',
  'export-file-failed': 'getting-started#4-download',
  'export-failed': 'getting-started#4-download',
  // Reading an existing tree.
  'type-missing': `${TYPES}#choosing-a-type`,
  'type-invalid': `${TYPES}#choosing-a-type`,
  'type-trailing-data': `${TYPES}#choosing-a-type`,
  'not-a-service': `${TYPES}#oneshot`,
  'bundle-contents-missing': `${TYPES}#bundle`,
  'producer-for-invalid': LOGGING,
  'pipeline-name-invalid': LOGGING,
  'oneshot-up-missing': `${TYPES}#oneshot`,
  'longrun-run-missing': `${TYPES}#longrun`,
  'not-a-directory': IMPORT,
  'name-trailing-blank': DEPS,
  'up-script-missing': `${TYPES}#oneshot`,
  'script-not-executable': 'dockerfile#things-to-avoid',
  'script-no-shebang': `${TYPES}#longrun`,
  'script-interpreter': `${TYPES}#longrun`,
  'script-legacy-path': 'from-s6-overlay-v2#what-changed',
  'env-unset': `${ENV}#how-env-files-are-read`,
  'symlink-not-followed': IMPORT,
  'graph-file-differs': IMPORT,
  'graph-file-invalid': IMPORT,
  'bundle-layout-both': 'dependencies-and-bundles#the-user-bundle-and-boot',
  'multiple-sources': IMPORT,
  'legacy-v2-folder': 'from-s6-overlay-v2#move-servicesd-to-longruns',
  'source-not-found': IMPORT,
  'read-failed': IMPORT,
  'graph-shape': 'cli#share-and-open',
  'service-shape': 'cli#share-and-open',
  // The design.
  'invalid-name': DEPS,
  'unsafe-name': DEPS,
  'reserved-name': DEPS,
  'overlay-name': DEPS,
  'syslogd-name': DEPS,
  'missing-user-bundle': 'dependencies-and-bundles#the-user-bundle-and-boot',
  'overlay-bundle-type': 'dependencies-and-bundles#the-user-bundle-and-boot',
  'duplicate-name': DEPS,
  'missing-dependency': DEPS,
  'missing-member': 'dependencies-and-bundles#bundles-as-dependencies',
  'duplicate-reference': 'dependencies-and-bundles#drawing-a-dependency',
  'dependency-cycle': DEPS,
  'bundle-cycle': 'dependencies-and-bundles#bundles-as-dependencies',
  'pipeline-missing': LOGGING,
  'pipeline-not-longrun': LOGGING,
  'pipeline-one-sided': LOGGING,
  'pipeline-cycle': LOGGING,
  'pipeline-name-ignored': LOGGING,
  'timeout-invalid': 'graceful-shutdown#limits-per-service',
  'fd-invalid': 'readiness#how-notification-works',
  'fd-low': 'readiness#how-notification-works',
  'fd-conflict': 'readiness#how-notification-works',
  'max-death-tally-invalid': `${FIELDS}#longrun`,
  'carriage-return': 'dockerfile#things-to-avoid',
  'byte-order-mark': 'dockerfile#things-to-avoid',
  'nul-byte': 'dockerfile#things-to-avoid',
  'text-too-long': 'cli#size-limits',
  'missing-script': `${TYPES}#choosing-a-type`,
  'empty-run': `${TYPES}#longrun`,
  'empty-up': `${TYPES}#oneshot`,
  'name-case-clash': DEPS,
  'script-outside-export': `${TYPES}#oneshot`,
  'script-language-mismatch': `${FIELDS}#longrun`,
  'execline-unbalanced': `${TYPES}#oneshot`,
  'env-name-invalid': `${ENV}#per-service-variables`,
  'env-name-unusual': `${ENV}#per-service-variables`,
  'env-duplicate': `${ENV}#per-service-variables`,
  'env-value-newline': `${ENV}#how-env-files-are-read`,
  'secret-value': `${ENV}#container-variables`,
  'down-signal-unknown': 'graceful-shutdown#picking-the-right-signal',
  'estimate-invalid': 'start-and-stop-order#how-services-start',
  'estimate-over-timeout': 'start-and-stop-order#when-something-fails',
  essential: `${FIELDS}#every-service`,
  'not-started': 'dependencies-and-bundles#the-user-bundle-and-boot',
  'no-base-dependency': 'dependencies-and-bundles#depending-on-base',
  'logger-without-prepare': 'logging#a-logger-for-one-service',
  'logutil-readiness': 'readiness#ready-checks',
  'run-backgrounds': `${TYPES}#longrun`,
  'script-v2-command': 'from-s6-overlay-v2#what-changed',
  'run-no-exec': `${TYPES}#longrun`,
  'cd-unchecked': `${TYPES}#longrun`,
  'env-without-contenv': `${ENV}#with-contenv-in-the-designer`,
  'readiness-without-check': 'readiness#ready-checks',
  'readiness-unbounded': 'readiness#how-long-to-wait',
  'base-image-no-shell': DOCKERFILE,
  's6-setting-unknown': `${ENV}#variables-s6-overlay-reads`,
  's6-setting-invalid': `${ENV}#variables-s6-overlay-reads`,
  'stop-over-docker-stop': 'graceful-shutdown#the-shutdown-budget',
  'stop-unbounded': 'graceful-shutdown#limits-per-service',
  'overlay-version': 'dockerfile#choosing-an-s6-overlay-version',
  'boot-timeout': 'readiness#how-long-to-wait',
  'healthcheck-service': 'readiness#readiness-in-health-checks',
}

/** The topic of a code split into its page slug and section id (undefined: the page's top). */
export function diagnosticTopic(code: string): { slug: string; anchor?: string } | undefined {
  const topic = Object.hasOwn(DIAGNOSTIC_TOPICS, code) ? DIAGNOSTIC_TOPICS[code] : undefined
  if (topic === undefined) return undefined
  const [slug = '', anchor] = topic.split('#')
  return anchor ? { slug, anchor } : { slug }
}
