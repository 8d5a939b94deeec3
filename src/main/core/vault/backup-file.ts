import { createHash, randomBytes } from 'node:crypto'
import { open, rename, rm, stat, type FileHandle } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { z } from 'zod'
import { AppError } from '../../../shared/result'
import { fsyncDirectory } from '../fs/atomic-write'

/**
 * Backup file layout (all integers big-endian):
 *   16 bytes  magic "CCIJVAULTBACKUP\n"
 *    2 bytes  format version
 *    4 bytes  metadata length, then that many bytes of JSON metadata (no survivor or staff data)
 *             keyring bytes, then the encrypted database snapshot (lengths in the metadata)
 *   32 bytes  SHA-256 of everything before it
 */
export const BACKUP_MAGIC = Buffer.from('CCIJVAULTBACKUP\n', 'latin1')
export const BACKUP_FORMAT_VERSION = 1
const CHUNK_BYTES = 1024 * 1024
const CHECKSUM_BYTES = 32
const PREFIX_BYTES = BACKUP_MAGIC.length + 2 + 4

export const ZBackupMetadataSchema = z.strictObject({
  createdAt: z.string().max(64),
  vaultId: z.string().max(64),
  schemaVersion: z.number().int().min(0),
  keyringBytes: z
    .number()
    .int()
    .min(1)
    .max(16 * 1024 * 1024),
  databaseBytes: z.number().int().min(1),
})
export type TBackupMetadata = z.infer<typeof ZBackupMetadataSchema>

export type TProgress = { bytesDone: number; bytesTotal: number }
export type TProgressListener = (progress: TProgress) => void

const invalid = (why: string): AppError =>
  new AppError('INVALID_FILE', `This is not a usable CCIJ vault backup: ${why}. Nothing was changed.`)

/** Write the backup to a sibling temp file, fsync, then rename, so a half-written backup never looks complete. */
export async function writeBackupFile(
  target: string,
  metadata: Omit<TBackupMetadata, 'keyringBytes' | 'databaseBytes'>,
  keyring: Buffer,
  databaseFile: string,
  onProgress?: TProgressListener,
): Promise<number> {
  const databaseBytes = (await stat(databaseFile)).size
  const header = Buffer.from(
    JSON.stringify({ ...metadata, keyringBytes: keyring.length, databaseBytes } satisfies TBackupMetadata),
    'utf8',
  )
  const prefix = Buffer.alloc(PREFIX_BYTES)
  BACKUP_MAGIC.copy(prefix, 0)
  prefix.writeUInt16BE(BACKUP_FORMAT_VERSION, BACKUP_MAGIC.length)
  prefix.writeUInt32BE(header.length, BACKUP_MAGIC.length + 2)
  const bytesTotal = PREFIX_BYTES + header.length + keyring.length + databaseBytes + CHECKSUM_BYTES

  const temporary = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`)
  const hash = createHash('sha256')
  const output = await open(temporary, 'wx', 0o600)
  let bytesDone = 0
  const put = async (bytes: Buffer, isChecksum = false): Promise<void> => {
    if (!isChecksum) hash.update(bytes)
    await output.write(bytes)
    bytesDone += bytes.length
    onProgress?.({ bytesDone, bytesTotal })
  }
  try {
    await put(prefix)
    await put(header)
    await put(keyring)
    const input = await open(databaseFile, 'r')
    try {
      const chunk = Buffer.alloc(CHUNK_BYTES)
      for (;;) {
        const { bytesRead } = await input.read(chunk, 0, CHUNK_BYTES, null)
        if (bytesRead === 0) break
        await put(chunk.subarray(0, bytesRead))
      }
    } finally {
      await input.close()
    }
    await put(hash.digest(), true)
    await output.sync()
    await output.close()
    await rename(temporary, target)
    fsyncDirectory(dirname(target))
    return bytesTotal
  } catch (error) {
    await output.close().catch(() => undefined)
    await rm(temporary, { force: true })
    throw error
  }
}

export type TBackupContents = {
  metadata: TBackupMetadata
  keyring: Buffer
  databaseOffset: number
}

/** The backup opened for reading; INVALID_FILE when it cannot be. */
async function openBackup(source: string): Promise<FileHandle> {
  try {
    return await open(source, 'r')
  } catch {
    throw invalid('the file cannot be read')
  }
}

/** Size, magic and format version (INVALID_FILE, VAULT_TOO_NEW); returns the header's length, not yet checked. */
async function readPrefix(input: FileHandle, size: number): Promise<number> {
  if (size < PREFIX_BYTES + CHECKSUM_BYTES) throw invalid('the file is too short')
  const prefix = Buffer.alloc(PREFIX_BYTES)
  await input.read(prefix, 0, PREFIX_BYTES, 0)
  if (!prefix.subarray(0, BACKUP_MAGIC.length).equals(BACKUP_MAGIC))
    throw invalid('it does not start like one')
  if (prefix.readUInt16BE(BACKUP_MAGIC.length) > BACKUP_FORMAT_VERSION) {
    throw new AppError(
      'VAULT_TOO_NEW',
      'This backup was made by a newer version of CCIJ Caseworker. Update the app to restore it.',
    )
  }
  return prefix.readUInt32BE(BACKUP_MAGIC.length + 2)
}

/** The JSON metadata after the prefix, which must end before `bodyBytes`. */
async function readMetadata(
  input: FileHandle,
  headerLength: number,
  bodyBytes: number,
): Promise<TBackupMetadata> {
  if (headerLength > 64 * 1024 || PREFIX_BYTES + headerLength > bodyBytes)
    throw invalid('its header is damaged')
  const header = Buffer.alloc(headerLength)
  await input.read(header, 0, headerLength, PREFIX_BYTES)
  try {
    return ZBackupMetadataSchema.parse(JSON.parse(header.toString('utf8')))
  } catch {
    throw invalid('its header is damaged')
  }
}

/**
 * Read only the metadata header of a backup (magic, version, JSON header), without the checksum pass:
 * cheap, for showing when a backup was made. Not proof the file is intact; `readBackupFile` is.
 * Throws INVALID_FILE or VAULT_TOO_NEW like `readBackupFile`.
 */
export async function readBackupMetadata(source: string): Promise<TBackupMetadata> {
  const input = await openBackup(source)
  try {
    const size = (await input.stat()).size
    const headerLength = await readPrefix(input, size)
    return await readMetadata(input, headerLength, size - CHECKSUM_BYTES)
  } finally {
    await input.close()
  }
}

/** Check magic, version and checksum of a backup, and read its metadata and keyring. Throws INVALID_FILE. */
export async function readBackupFile(
  source: string,
  onProgress?: TProgressListener,
): Promise<TBackupContents> {
  const input = await openBackup(source)
  try {
    const size = (await input.stat()).size
    const headerLength = await readPrefix(input, size)

    // Checksum first: nothing inside is trusted until the whole file is known to be intact.
    const hash = createHash('sha256')
    const chunk = Buffer.alloc(CHUNK_BYTES)
    const bodyBytes = size - CHECKSUM_BYTES
    let position = 0
    while (position < bodyBytes) {
      const { bytesRead } = await input.read(chunk, 0, Math.min(CHUNK_BYTES, bodyBytes - position), position)
      if (bytesRead === 0) throw invalid('the file ended early')
      hash.update(chunk.subarray(0, bytesRead))
      position += bytesRead
      onProgress?.({ bytesDone: position, bytesTotal: size })
    }
    const stored = Buffer.alloc(CHECKSUM_BYTES)
    await input.read(stored, 0, CHECKSUM_BYTES, bodyBytes)
    if (!hash.digest().equals(stored)) throw invalid('its checksum does not match (damaged or altered)')

    const metadata = await readMetadata(input, headerLength, bodyBytes)
    const keyringOffset = PREFIX_BYTES + headerLength
    const databaseOffset = keyringOffset + metadata.keyringBytes
    if (databaseOffset + metadata.databaseBytes !== bodyBytes) throw invalid('its sections do not add up')
    const keyring = Buffer.alloc(metadata.keyringBytes)
    await input.read(keyring, 0, metadata.keyringBytes, keyringOffset)
    return { metadata, keyring, databaseOffset }
  } finally {
    await input.close()
  }
}

/** Copy the database section of a verified backup into `target`, fsynced. */
export async function extractDatabase(
  source: string,
  contents: TBackupContents,
  target: string,
  onProgress?: TProgressListener,
): Promise<void> {
  const input = await open(source, 'r')
  try {
    const output = await open(target, 'wx', 0o600)
    try {
      const chunk = Buffer.alloc(CHUNK_BYTES)
      const total = contents.metadata.databaseBytes
      let done = 0
      while (done < total) {
        const { bytesRead } = await input.read(
          chunk,
          0,
          Math.min(CHUNK_BYTES, total - done),
          contents.databaseOffset + done,
        )
        if (bytesRead === 0) throw invalid('the file ended early')
        await output.write(chunk.subarray(0, bytesRead))
        done += bytesRead
        onProgress?.({ bytesDone: done, bytesTotal: total })
      }
      await output.sync()
    } finally {
      await output.close()
    }
  } finally {
    await input.close()
  }
}
