/**
 * How the Dockerfile stage installs what unpacking s6-overlay needs: xz for `tar -J` (FORMAT §5)
 * and a downloader. `auto` guesses the package manager from the base image's name.
 */
import type { PackageManager } from '../graph/types'

export type ConcreteManager = Exclude<PackageManager, 'auto' | 'none'>

const APT_IMAGES = new Set([
  'debian',
  'ubuntu',
  'ruby',
  'python',
  'node',
  'php',
  'golang',
  'perl',
  'rust',
  'openjdk',
  'eclipse-temurin',
  'buildpack-deps',
])
const DNF_IMAGES = new Set([
  'fedora',
  'rhel',
  'rockylinux',
  'rocky',
  'almalinux',
  'alma',
  'centos',
  'oraclelinux',
  'amazonlinux',
])
const DEBIAN_TAGS = /(^|[-.])(bookworm|bullseye|buster|trixie|jammy|noble|focal|slim)([-.]|$)/

/** Repository name (last path segment) and tag of an image reference, lower-cased. */
export function imageParts(image: string): { name: string; tag: string } {
  const ref = image.trim().toLowerCase().split('@')[0] ?? ''
  const slash = ref.lastIndexOf('/')
  const last = ref.slice(slash + 1)
  const colon = last.indexOf(':')
  return colon < 0
    ? { name: last, tag: '' }
    : { name: last.slice(0, colon), tag: last.slice(colon + 1) }
}

/**
 * The package manager of a base image, guessed from its name and tag; undefined when the name
 * says nothing (a build stage such as `app`, or an unfamiliar image).
 *
 * @example
 * guessPackageManager('node:20-alpine') // 'apk'
 * guessPackageManager('ruby:3.4-slim-bookworm') // 'apt'
 */
export function guessPackageManager(image: string): ConcreteManager | undefined {
  const { name, tag } = imageParts(image)
  if (name.includes('alpine') || tag.includes('alpine')) return 'apk'
  if (DNF_IMAGES.has(name) || name.startsWith('ubi')) return 'dnf'
  if (APT_IMAGES.has(name) || DEBIAN_TAGS.test(tag)) return 'apt'
  return undefined
}

/** The manager to use: the setting, or the guess for `auto` (undefined when unknown). */
export function resolvePackageManager(
  setting: PackageManager,
  image: string,
): ConcreteManager | 'none' | undefined {
  if (setting === 'auto') return guessPackageManager(image)
  return setting
}

/**
 * The shell command installing xz and, where the base image has neither curl nor wget by
 * default, curl. `withCurl` also asks for curl on Alpine (for the health probe), `withBash` bash
 * (Debian, Ubuntu and Fedora images have it; Alpine's do not).
 */
export function installCommand(
  manager: ConcreteManager,
  image: string,
  withCurl: boolean,
  withBash = false,
): string {
  switch (manager) {
    case 'apt':
      return 'apt-get update \\\n && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends xz-utils curl ca-certificates \\\n && rm -rf /var/lib/apt/lists/*'
    case 'apk':
      return `apk add --no-cache xz${withCurl ? ' curl' : ''}${withBash ? ' bash' : ''}`
    case 'dnf': {
      const tool = /(^|-)minimal/.test(imageParts(image).name + '-' + imageParts(image).tag)
        ? 'microdnf'
        : 'dnf'
      return `${tool} install -y xz && ${tool} clean all`
    }
    default: {
      const never: never = manager
      return never
    }
  }
}
