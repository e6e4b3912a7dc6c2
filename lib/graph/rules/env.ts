/**
 * Environment variable rules: names s6-envdir and a Dockerfile can take, duplicates in one
 * scope, multi-line values, and secrets that carry a value.
 */
import { show } from './report'
import type { Findings } from './report'
import { isRecord } from './guards'

/** Checks one list of variables: a longrun's (`owner`) or, without owner, the container's. */
export function checkEnv(
  list: unknown,
  owner: string | undefined,
  fieldPrefix: string,
  out: Findings,
): void {
  if (!Array.isArray(list) || list.length === 0) return
  const who = owner === undefined ? 'The container' : show(owner)
  const firstIndex = new Map<string, number>()
  list.forEach((v, i) => {
    if (!isRecord(v) || typeof v.name !== 'string') return
    const name = v.name
    const at = {
      service: owner,
      field: `${fieldPrefix}.${i}.name`,
      file: owner === undefined ? 'Dockerfile' : `env/${name}`,
    }
    let bad: string | undefined
    if (name === '') bad = 'has a variable with an empty name'
    else if (name.includes('=')) bad = `has a variable named ${show(name)}, with "=" in it`
    else if (name.includes('/')) bad = `has a variable named ${show(name)}, with "/" in it`
    else if (name.includes('\0')) bad = `has a variable named ${show(name)}, with a NUL byte in it`
    else if (name.startsWith('.'))
      bad = `has a variable named ${show(name)}, starting with a dot, which s6-envdir skips`
    if (bad) out.add({ code: 'env-name-invalid', ...at, message: `${who} ${bad}.` })
    else if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
      out.add({
        code: 'env-name-unusual',
        ...at,
        message: `${who} has a variable named ${show(name)}, which a shell cannot read.`,
      })
    }
    const first = firstIndex.get(name)
    if (first !== undefined) {
      out.add({
        code: 'env-duplicate',
        ...at,
        message: `${who} defines ${show(name)} twice (variables ${first + 1} and ${i + 1}).`,
      })
    } else firstIndex.set(name, i)
    const value = typeof v.value === 'string' ? v.value : ''
    const valueAt = { ...at, field: `${fieldPrefix}.${i}.value` }
    if (value.includes('\n')) {
      out.add({
        code: 'env-value-newline',
        ...valueAt,
        message: `${who}'s variable ${show(name)} has a value spanning several lines.`,
      })
    }
    if (v.secret === true && value !== '') {
      out.add({
        code: 'secret-value',
        ...valueAt,
        message: `${who}'s secret ${show(name)} has a value: the export and share links leave it out, so give it at run time (docker run -e).`,
      })
    }
  })
}
