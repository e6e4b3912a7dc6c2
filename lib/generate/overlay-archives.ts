/**
 * s6-overlay's release archives (FORMAT §5 "Dockerfile facts"): names per version, and the
 * mapping from Docker's TARGETARCH/TARGETVARIANT to s6-overlay's architecture names.
 */
import { compareVersions, parseVersion } from './context'

export const RELEASES_URL = 'https://github.com/just-containers/s6-overlay/releases/download'

/** `case` patterns on "$TARGETARCH/$TARGETVARIANT" and the archive architecture they pick. */
export const ARCH_CASES: ReadonlyArray<readonly [pattern: string, arch: string, platform: string]> =
  [
    ['amd64/*', 'x86_64', 'linux/amd64'],
    ['arm64/*', 'aarch64', 'linux/arm64'],
    ['arm/v7 | arm/', 'arm', 'linux/arm/v7'],
    ['arm/v6', 'armhf', 'linux/arm/v6'],
    ['386/*', 'i686', 'linux/386'],
    ['riscv64/*', 'riscv64', 'linux/riscv64'],
    ['s390x/*', 's390x', 'linux/s390x'],
    ['ppc64le/*', 'powerpc64le', 'linux/ppc64le'],
    ['ppc64/*', 'powerpc64', 'linux/ppc64'],
  ]

/**
 * An archive's file name for a release: unversioned from 3.1.0.0, with `-<version>` before
 * that (CHANGELOG 3.1.0.0). `arch` may be a shell expression such as `${arch}`.
 */
export function archiveName(arch: string, version: string): string {
  const v = parseVersion(version)
  const versioned = v !== undefined && compareVersions(v, [3, 1, 0, 0]) < 0
  return versioned
    ? `s6-overlay-${arch}-\${S6_OVERLAY_VERSION}.tar.xz`
    : `s6-overlay-${arch}.tar.xz`
}
