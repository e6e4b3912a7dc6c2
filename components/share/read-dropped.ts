/**
 * What the user handed over (a picked file, a picked folder, a drop) as plain data for
 * `lib/import`: one file's bytes, or a folder's files with their paths. Sizes and counts are
 * checked before any file is read, so a huge folder is refused without loading it.
 */
import { IMPORT_LIMITS } from '@/lib/import/limits'
import { type FolderEntry, preflightEntries, skippedInFolder } from '@/lib/import/tree-check'

export type Picked =
  | { kind: 'file'; name: string; bytes: Uint8Array }
  | { kind: 'folder'; name: string; entries: FolderEntry[]; dirs: string[] }
  | { kind: 'refused'; name: string; error: string }

const bytesOf = async (file: File) => new Uint8Array(await file.arrayBuffer())

async function folderFrom(
  name: string,
  all: { path: string; file: File }[],
  dirs: string[],
): Promise<Picked> {
  const files = all.filter((f) => !skippedInFolder(f.path))
  const problem = preflightEntries(files.map((f) => ({ path: f.path, size: f.file.size })))
  if (problem) return { kind: 'refused', name, error: `The folder was not imported: ${problem}.` }
  const entries = await Promise.all(
    files.map(async (f) => ({ path: f.path, bytes: await bytesOf(f.file) })),
  )
  return { kind: 'folder', name, entries, dirs }
}

/** A file chosen with the file picker. */
export async function pickedFile(file: File): Promise<Picked> {
  return { kind: 'file', name: file.name, bytes: await bytesOf(file) }
}

/** The files of `<input webkitdirectory>`, with paths from `webkitRelativePath`. */
export async function pickedFolder(list: readonly File[]): Promise<Picked> {
  const files = list.map((file) => ({ path: file.webkitRelativePath || file.name, file }))
  const name = files[0]?.path.split('/')[0] ?? 'folder'
  return folderFrom(name, files, [])
}

function readBatch(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  return new Promise((resolve, reject) => reader.readEntries(resolve, reject))
}

function fileOf(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject))
}

/** Walks dropped entries; stops counting past the limit so a huge folder is refused quickly. */
async function walk(
  roots: FileSystemEntry[],
): Promise<{ files: { path: string; file: File }[]; dirs: string[]; tooMany: boolean }> {
  const files: { path: string; file: File }[] = []
  const dirs: string[] = []
  const queue: { entry: FileSystemEntry; path: string }[] = roots.map((entry) => ({
    entry,
    path: entry.name,
  }))
  while (queue.length > 0 && files.length + dirs.length <= IMPORT_LIMITS.maxEntries) {
    const { entry, path } = queue.shift() as { entry: FileSystemEntry; path: string }
    if (entry.isFile) {
      files.push({ path, file: await fileOf(entry as FileSystemFileEntry) })
    } else if (entry.isDirectory) {
      if (skippedInFolder(`${path}/_`)) continue
      dirs.push(path)
      const reader = (entry as FileSystemDirectoryEntry).createReader()
      // readEntries returns the listing in batches (100 in Chromium) until an empty one.
      for (let batch = await readBatch(reader); batch.length > 0; batch = await readBatch(reader))
        for (const child of batch) queue.push({ entry: child, path: `${path}/${child.name}` })
    }
  }
  return { files, dirs, tooMany: queue.length > 0 }
}

/**
 * What was dropped. The entries must be taken from the DataTransfer during the drop event, so
 * call this synchronously from the handler (it reads the items first, then awaits).
 */
export function droppedData(data: DataTransfer): Promise<Picked> | undefined {
  const items = Array.from(data.items).filter((i) => i.kind === 'file')
  const entries = items.map((i) => i.webkitGetAsEntry?.() ?? null)
  const plain = Array.from(data.files)
  if (items.length === 0 && plain.length === 0) return undefined
  return (async () => {
    const real = entries.filter((e): e is FileSystemEntry => e !== null)
    // A DataTransfer built by a script (or an old browser) has files but no entries.
    if (real.length === 0) {
      const first = plain[0]
      if (plain.length === 1 && first) return pickedFile(first)
      return folderFrom(
        'the dropped files',
        plain.map((file) => ({ path: file.name, file })),
        [],
      )
    }
    const only = real[0]
    if (real.length === 1 && only?.isFile)
      return pickedFile(await fileOf(only as FileSystemFileEntry))
    const { files, dirs, tooMany } = await walk(real)
    const name = real.length === 1 && only ? only.name : 'the dropped files'
    if (tooMany)
      return {
        kind: 'refused',
        name,
        error: `The folder was not imported: it holds more than the ${IMPORT_LIMITS.maxEntries.toLocaleString('en')} files and folders allowed.`,
      }
    return folderFrom(name, files, dirs)
  })()
}
