/**
 * The shapes a leaked value can take in a file, as byte patterns to look for. Text and hex patterns are matched
 * against ASCII-lowercased bytes (so "canary", "CANARY" and upper-case hex all match); base64 and raw bytes are
 * matched exactly.
 */
export type TLeakForm = {
  /** How the value was encoded: 'utf8', 'utf16le', 'hex(utf8)', 'base64+1(utf16le)', … */
  name: string
  bytes: Buffer
  /** Matched against the ASCII-lowercased file instead of the file as it is. */
  folded: boolean
}

/** Smaller forms would match by chance in megabytes of ciphertext. */
const MIN_FORM_BYTES = 8

/** Bytewise ASCII lower-casing: the same map on both sides keeps every match (and adds case-insensitive ones). */
export function foldAscii(bytes: Uint8Array): Buffer {
  const folded = Buffer.from(bytes)
  for (let index = 0; index < folded.length; index++) {
    const byte = folded[index]!
    if (byte >= 0x41 && byte <= 0x5a) folded[index] = byte + 0x20
  }
  return folded
}

/**
 * The base64 text of `bytes` when they sit `offset` bytes (0, 1 or 2) into a longer encoded run: only the
 * characters that depend on `bytes` alone, so the pattern matches whatever comes before and after.
 */
export function base64Inside(bytes: Buffer, offset: 0 | 1 | 2, alphabet: 'base64' | 'base64url'): string {
  const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString(alphabet)
  // Characters 0..ceil(8·offset/6)-1 carry bits of the padding in front.
  const skip = Math.ceil((offset * 8) / 6)
  // Only whole 3-byte groups: the last partial group's characters depend on what follows.
  const end = Math.floor((offset + bytes.length) / 3) * 4
  return encoded.slice(skip, end)
}

/** Every form of a secret or canary value: text in three encodings, hex, and base64 at all three alignments. */
export function leakForms(value: string | Buffer): TLeakForm[] {
  const texts: [string, Buffer][] =
    typeof value === 'string'
      ? [
          ['utf8', Buffer.from(value, 'utf8')],
          ['utf16le', Buffer.from(value, 'utf16le')],
          ['utf16be', Buffer.from(value, 'utf16le').swap16()],
        ]
      : [['raw', value]]
  const forms: TLeakForm[] = []
  for (const [encoding, bytes] of texts) {
    forms.push({
      name: encoding,
      bytes: encoding === 'raw' ? bytes : foldAscii(bytes),
      folded: encoding !== 'raw',
    })
    if (encoding === 'utf16be') continue
    forms.push({
      name: `hex(${encoding})`,
      bytes: Buffer.from(bytes.toString('hex'), 'latin1'),
      folded: true,
    })
    for (const offset of [0, 1, 2] as const) {
      for (const alphabet of ['base64', 'base64url'] as const) {
        forms.push({
          name: `${alphabet}+${offset}(${encoding})`,
          bytes: Buffer.from(base64Inside(bytes, offset, alphabet), 'latin1'),
          folded: false,
        })
      }
    }
  }
  const seen = new Set<string>()
  return forms.filter((form) => {
    const key = `${form.folded}:${form.bytes.toString('hex')}`
    if (form.bytes.length < MIN_FORM_BYTES || seen.has(key)) return false
    seen.add(key)
    return true
  })
}
