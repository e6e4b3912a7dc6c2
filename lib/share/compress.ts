/**
 * deflate-raw through the platform's CompressionStream (browsers since 2023, Node 18+), so the
 * site ships no compression library. Decompression stops at a size cap: a link cannot make the
 * page inflate gigabytes (a decompression bomb).
 */

async function collect(
  stream: ReadableStream<Uint8Array>,
  limit: number,
): Promise<Uint8Array | 'too-large'> {
  const reader = stream.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.length
    if (total > limit) {
      await reader.cancel().catch(() => undefined)
      return 'too-large'
    }
    chunks.push(value)
  }
  const out = new Uint8Array(total)
  let offset = 0
  for (const c of chunks) {
    out.set(c, offset)
    offset += c.length
  }
  return out
}

function streamOf(bytes: Uint8Array): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(bytes)
      controller.close()
    },
  })
}

/** Compresses bytes with raw DEFLATE. */
export async function deflateRaw(bytes: Uint8Array): Promise<Uint8Array> {
  const out = await collect(
    streamOf(bytes).pipeThrough(
      new CompressionStream('deflate-raw') as unknown as ReadableWritablePair<
        Uint8Array,
        Uint8Array
      >,
    ),
    Number.MAX_SAFE_INTEGER,
  )
  return out === 'too-large' ? new Uint8Array() : out
}

/**
 * Inflates raw DEFLATE data. Returns 'too-large' past `limit` bytes and 'corrupt' when the data
 * is not valid DEFLATE (truncated or altered).
 */
export async function inflateRaw(
  bytes: Uint8Array,
  limit: number,
): Promise<Uint8Array | 'too-large' | 'corrupt'> {
  try {
    return await collect(
      streamOf(bytes).pipeThrough(
        new DecompressionStream('deflate-raw') as unknown as ReadableWritablePair<
          Uint8Array,
          Uint8Array
        >,
      ),
      limit,
    )
  } catch {
    return 'corrupt'
  }
}
