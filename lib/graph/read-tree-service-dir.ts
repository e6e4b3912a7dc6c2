/**
 * One service directory being read: its listing, which entries have been accounted for, and
 * helpers that report and diagnose relative to it.
 */
import type { DirListing, ReadAction, ReadContext } from './read-tree-context'
import { readNameList } from './read-tree-files'
import { decodeText, joinPath } from './tree-input'
import type { Severity } from './types'

export class ServiceDir {
  readonly listing: DirListing
  private readonly handled = new Set<string>()

  constructor(
    readonly ctx: ReadContext,
    /** Input path of the source folder (`s6-rc.d`) this service is in. */
    readonly source: string,
    readonly name: string,
  ) {
    this.listing = ctx.tree.list(this.dir)
    for (const link of this.listing.links) {
      if (link.startsWith('.')) continue
      this.handled.add(link)
      ctx.symlink(this.path(link), name)
    }
  }

  /** Whether the entry is a symbolic link (reported already; its target is unknown). */
  isLink(entry: string): boolean {
    return this.listing.links.includes(entry)
  }

  get dir(): string {
    return joinPath(this.source, this.name)
  }

  /** `s6-rc.d/web/run`-style path for messages. */
  path(entry: string): string {
    return joinPath(this.dir, entry)
  }

  hasFile(entry: string): boolean {
    return this.listing.files.includes(entry)
  }

  hasDir(entry: string): boolean {
    return this.listing.dirs.includes(entry)
  }

  has(entry: string): boolean {
    return this.hasFile(entry) || this.hasDir(entry) || this.listing.links.includes(entry)
  }

  bytes(entry: string): Uint8Array | undefined {
    const i = this.listing.files.indexOf(entry)
    return i < 0 ? undefined : this.listing.fileBytes[i]
  }

  text(entry: string): string | undefined {
    const bytes = this.bytes(entry)
    return bytes === undefined ? undefined : decodeText(bytes)
  }

  /** Records what happened to an entry (a file, or a whole folder with its contents). */
  note(entry: string, action: ReadAction, note: string): void {
    this.handled.add(entry)
    if (this.hasDir(entry)) this.ctx.noteAll(this.path(entry), action, note)
    else this.ctx.note(this.path(entry), action, note)
  }

  /** Records what happened to an entry itself; its contents are reported separately. */
  noteOnly(entry: string, action: ReadAction, note: string): void {
    this.handled.add(entry)
    this.ctx.note(this.path(entry), action, note)
  }

  diag(
    code: string,
    severity: Severity,
    file: string | undefined,
    message: string,
    fix: string,
  ): void {
    this.ctx.diag({ code, severity, service: this.name, ...(file ? { file } : {}), message, fix })
  }

  /**
   * Names in a `*.d` folder (dot-names skipped, as s6-rc-compile does), else in the flat file
   * of the same name (deprecated; reported as converted). Undefined when neither exists.
   */
  nameList(flat: 'dependencies' | 'contents'): string[] | undefined {
    const dirName = `${flat}.d`
    if (this.hasDir(dirName)) {
      const dir = this.path(dirName)
      const l = this.ctx.tree.list(dir)
      // Usually only files: their list is sorted already.
      const entries =
        l.dirs.length === 0 && l.links.length === 0
          ? l.files
          : [...l.files, ...l.dirs, ...l.links].sort()
      const names = entries.some((n) => n.startsWith('.'))
        ? entries.filter((n) => !n.startsWith('.'))
        : entries.slice()
      const what = flat === 'contents' ? 'member' : 'dependency'
      this.noteOnly(
        dirName,
        'read',
        `${names.length} ${what}${names.length === 1 ? '' : flat === 'contents' ? 's' : ' entries'}`,
      )
      for (const e of entries)
        if (!e.startsWith('.')) this.ctx.note(`${dir}/${e}`, 'read', `${what}: ${e}`)
      if (this.hasFile(flat))
        this.note(flat, 'ignored', `s6-rc-compile reads ${dirName}/ when both exist`)
      return names
    }
    if (this.hasFile(dirName)) {
      this.diag(
        'not-a-directory',
        'error',
        dirName,
        `${this.path(dirName)} is a file; s6-rc-compile expects a folder with one entry per name.`,
        `Replace it with a folder ${dirName}/ holding one empty file per name.`,
      )
      this.note(dirName, 'ignored', 'a file where a folder is expected')
    }
    const text = this.text(flat)
    if (text === undefined) return undefined
    const names = this.checkedNames(flat, text)
    this.note(flat, 'converted', `flat ${flat} file (deprecated) read as ${dirName}/`)
    return names
  }

  /** A name-list file's names, warning about names that carry blanks or a CR. */
  checkedNames(entry: string, text: string): string[] {
    const names = readNameList(text)
    for (const n of names) {
      if (/[\s]$/.test(n)) {
        this.diag(
          'name-trailing-blank',
          'warning',
          entry,
          `${this.path(entry)} lists "${JSON.stringify(n).slice(1, -1)}": s6-rc keeps trailing blanks${n.endsWith('\r') ? ' and the CR of a Windows line ending' : ''}, so that is not the name "${n.trimEnd()}".`,
          'Remove the trailing blanks and save the file with LF line endings.',
        )
      }
    }
    return names
  }

  /** Marks every entry not yet accounted for as ignored. */
  finish(reason: (entry: string) => string): void {
    const all = [...this.listing.files, ...this.listing.dirs, ...this.listing.links]
    for (const entry of all) {
      if (entry.startsWith('.') || this.handled.has(entry)) continue
      this.note(entry, 'ignored', reason(entry))
    }
  }
}
