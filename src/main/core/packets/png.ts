import { crc32, deflateSync } from 'node:zlib'

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8)
  head.writeUInt32BE(data.length, 0)
  head.write(type, 4, 'ascii')
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0)
  return Buffer.concat([head, data, crc])
}

/**
 * A PNG of an opaque BGRA bitmap (what PDFium renders), in memory: 8-bit RGB, each row unfiltered. Packet pages
 * are mostly white paper, which deflate shrinks well without row filters.
 */
export function encodePng(bgra: Uint8Array, width: number, height: number): Buffer {
  const rowLength = 1 + width * 3
  const raw = Buffer.alloc(rowLength * height)
  for (let y = 0; y < height; y++) {
    const row = y * rowLength
    for (let x = 0; x < width; x++) {
      const from = (y * width + x) * 4
      const to = row + 1 + x * 3
      raw[to] = bgra[from + 2] ?? 0
      raw[to + 1] = bgra[from + 1] ?? 0
      raw[to + 2] = bgra[from] ?? 0
    }
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 2, 0, 0, 0], 8)
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 6 })),
    chunk('IEND', Buffer.alloc(0)),
  ])
}
