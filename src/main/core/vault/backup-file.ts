import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { open, rename, rm, stat, type FileHandle } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { z } from 'zod'
import { AppError } from '../../../shared/result'
import { fsyncDirectory } from '../fs/atomic-write'
import type { TOperation } from './operation-guard'
import type { TProgressListener } from './progress'

export type { TProgress, TProgressListener } from './progress'

/**
 * Backup file layout, format 2 (all integers big-endian):
 *   16 bytes  magic "CCIJVAULTBACKUP\n"
 *    2 bytes  format version
 *    4 bytes  metadata length, then that many bytes of JSON metadata (no survivor or staff data)
 *             then the sections named in the metadata, in order: keyring, audit anchor, vault.db, casework.db
 *             (both databases as VACUUM INTO snapshots, still encrypted under their own keys)
 *   32 bytes  HMAC-SHA256 of everything before it, keyed from the backup generation's K_admin
 *
 * Only someone holding K_admin can make a file that verifies: a colleague who can write the file (and recompute any
 * checksum) cannot change a byte of it, its KDF settings or its snapshot unseen. The MAC is checked in the same pass
 * that copies the sections out, before anything in them is used; only the keyring section is read before, to find
 * the key, and it is parsed with bounds (see keyring.ts).
 */
export const BACKUP_MAGIC = Buffer.from('CCIJVAULTBACKUP\n', 'latin1')
export const BACKUP_FORMAT_VERSION = 2
const CHUNK_BYTES = 1024 * 1024
const MAC_BYTES = 32
const PREFIX_BYTES = BACKUP_MAGIC.length + 2 + 4
const MAX_HEADER_BYTES = 64 * 1024

export const BACKUP_SECTIONS = ['keyring', 'anchor', 'vault', 'casework'] as const
export type TBackupSection = (typeof BACKUP_SECTIONS)[number]

const ZSectionBytesSchema = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER)

export const ZBackupMetadataSchema = z.strictObject({
  createdAt: z.string().max(64),
  vaultId: z.string().max(64),
  generation: z.number().int().min(1).max(999_999_999),
  schemaVersion: z.number().int().min(0).max(10_000),
  caseworkSchemaVersion: z.number().int().min(0).max(10_000),
  sections: z.strictObject({
    keyring: z
      .number()
      .int()
      .min(1)
      .max(16 * 1024 * 1024),
    anchor: z
      .number()
      .int()
      .min(1)
      .max(64 * 1024),
    vault: ZSectionBytesSchema,
    casework: ZSectionBytesSchema,
  }),
})
export type TBackupMetadata = z.infer<typeof ZBackupMetadataSchema>

export const invalidBackup = (why: string): AppError =>
  new AppError('INVALID_FILE', `This is not a usable CCIJ vault backup: ${why}. Nothing was changed.`)

/** Where each section of a backup comes from when writing one. */
export type TBackupSources = { keyring: Buffer; anchor: Buffer; vault: string; casework: string }

/**
 * Write the backup to a sibling temp file in one pass that copies and MACs, fsync it, then call `beforeRename` (the
 * audit entry) and rename it into place, so a half-written, cancelled or unaudited backup never looks complete.
 */
export async function writeBackupFile(
  target: string,
  metadata: Omit<TBackupMetadata, 'sections'>,
  sources: TBackupSources,
  macKey: Buffer,
  options: { onProgress?: TProgressListener; operation: TOperation; beforeRename: (bytes: number) => void },
): Promise<number> {
  const sections = {
    keyring: sources.keyring.length,
    anchor: sources.anchor.length,
    vault: (await stat(sources.vault)).size,
    casework: (await stat(sources.casework)).size,
  }
  const header = Buffer.from(JSON.stringify({ ...metadata, sections } satisfies TBackupMetadata), 'utf8')
  const prefix = Buffer.alloc(PREFIX_BYTES)
  BACKUP_MAGIC.copy(prefix, 0)
  prefix.writeUInt16BE(BACKUP_FORMAT_VERSION, BACKUP_MAGIC.length)
  prefix.writeUInt32BE(header.length, BACKUP_MAGIC.length + 2)
  const bytesTotal =
    PREFIX_BYTES +
    header.length +
    sections.keyring +
    sections.anchor +
    sections.vault +
    sections.casework +
    MAC_BYTES

  const temporary = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`)
  const mac = createHmac('sha256', macKey)
  const output = await open(temporary, 'wx', 0o600)
  let bytesDone = 0
  const put = async (bytes: Buffer, isMac = false): Promise<void> => {
    options.operation.throwIfCancelled()
    if (!isMac) mac.update(bytes)
    await output.write(bytes)
    bytesDone += bytes.length
    options.onProgress?.({ bytesDone, bytesTotal })
  }
  const copyFile = async (file: string): Promise<void> => {
    const input = await open(file, 'r')
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
  }
  let renamed = false
  try {
    await put(prefix)
    await put(header)
    await put(sources.keyring)
    await put(sources.anchor)
    await copyFile(sources.vault)
    await copyFile(sources.casework)
    await put(mac.digest(), true)
    await output.sync()
    await output.close()
    options.operation.throwIfCancelled()
    // Synchronous from here to the rename: a lock cannot come between the audit entry and the file appearing.
    options.beforeRename(bytesTotal)
    await rename(temporary, target)
    renamed = true
    fsyncDirectory(dirname(target))
    return bytesTotal
  } finally {
    if (!renamed) {
      await output.close().catch(() => undefined)
      await rm(temporary, { force: true })
    }
  }
}

/** The backup opened for reading; INVALID_FILE when it cannot be. */
async function openBackup(source: string): Promise<FileHandle> {
  try {
    return await open(source, 'r')
  } catch {
    throw invalidBackup('the file cannot be read')
  }
}

/** Size, magic and format version (INVALID_FILE, VAULT_TOO_NEW); returns the header's length, not yet checked. */
async function readPrefix(input: FileHandle, size: number): Promise<number> {
  if (size < PREFIX_BYTES + MAC_BYTES) throw invalidBackup('the file is too short')
  const prefix = Buffer.alloc(PREFIX_BYTES)
  await input.read(prefix, 0, PREFIX_BYTES, 0)
  if (!prefix.subarray(0, BACKUP_MAGIC.length).equals(BACKUP_MAGIC))
    throw invalidBackup('it does not start like one')
  const version = prefix.readUInt16BE(BACKUP_MAGIC.length)
  if (version > BACKUP_FORMAT_VERSION) {
    throw new AppError(
      'VAULT_TOO_NEW',
      'This backup was made by a newer version of CCIJ Caseworker. Update the app to restore it.',
    )
  }
  if (version < BACKUP_FORMAT_VERSION) {
    throw invalidBackup(
      'it was made by an earlier version of the app, before backups were authenticated; make a new backup',
    )
  }
  return prefix.readUInt32BE(BACKUP_MAGIC.length + 2)
}

/** The JSON metadata after the prefix; its sections must add up to the file's size. Not yet authenticated. */
async function readMetadata(input: FileHandle, headerLength: number, size: number): Promise<TBackupMetadata> {
  if (headerLength > MAX_HEADER_BYTES || PREFIX_BYTES + headerLength > size - MAC_BYTES) {
    throw invalidBackup('its header is damaged')
  }
  const header = Buffer.alloc(headerLength)
  await input.read(header, 0, headerLength, PREFIX_BYTES)
  let metadata: TBackupMetadata
  try {
    metadata = ZBackupMetadataSchema.parse(JSON.parse(header.toString('utf8')))
  } catch {
    throw invalidBackup('its header is damaged')
  }
  const { keyring, anchor, vault, casework } = metadata.sections
  if (PREFIX_BYTES + headerLength + keyring + anchor + vault + casework + MAC_BYTES !== size) {
    throw invalidBackup('its sections do not add up')
  }
  return metadata
}

export type TBackupHead = { metadata: TBackupMetadata; headerLength: number; keyring: Buffer; size: number }

/**
 * The metadata and keyring section of a backup, NOT authenticated: enough to find the key that checks the MAC
 * (the passphrase opens an admin slot of this keyring), and to show when the backup was made.
 */
export async function readBackupHead(source: string): Promise<TBackupHead> {
  const input = await openBackup(source)
  try {
    const size = (await input.stat()).size
    const headerLength = await readPrefix(input, size)
    const metadata = await readMetadata(input, headerLength, size)
    const keyring = Buffer.alloc(metadata.sections.keyring)
    await input.read(keyring, 0, keyring.length, PREFIX_BYTES + headerLength)
    return { metadata, headerLength, keyring, size }
  } finally {
    await input.close()
  }
}

/** Only the metadata (when the backup was made), for the restore dialog. Not proof of anything. */
export async function readBackupMetadata(source: string): Promise<TBackupMetadata> {
  return (await readBackupHead(source)).metadata
}

/**
 * One pass over the whole file: every byte goes into the HMAC, and each section is copied to its target file
 * (fsynced). Throws INVALID_FILE when the MAC does not match — the caller then deletes the targets unread — and
 * CANCELLED when a lock arrives.
 */
export async function extractVerifiedBackup(
  source: string,
  head: TBackupHead,
  macKey: Buffer,
  targets: Record<TBackupSection, string>,
  options: { onProgress?: TProgressListener; operation: TOperation },
): Promise<void> {
  const input = await openBackup(source)
  try {
    const mac = createHmac('sha256', macKey)
    const chunk = Buffer.alloc(CHUNK_BYTES)
    const bodyBytes = head.size - MAC_BYTES
    let position = 0
    const take = async (length: number, output: FileHandle | null): Promise<void> => {
      let remaining = length
      while (remaining > 0) {
        options.operation.throwIfCancelled()
        const { bytesRead } = await input.read(chunk, 0, Math.min(CHUNK_BYTES, remaining), position)
        if (bytesRead === 0) throw invalidBackup('the file ended early')
        const bytes = chunk.subarray(0, bytesRead)
        mac.update(bytes)
        if (output !== null) await output.write(bytes)
        position += bytesRead
        remaining -= bytesRead
        options.onProgress?.({ bytesDone: position, bytesTotal: head.size })
      }
    }
    await take(PREFIX_BYTES + head.headerLength, null)
    for (const section of BACKUP_SECTIONS) {
      const output = await open(targets[section], 'wx', 0o600)
      try {
        await take(head.metadata.sections[section], output)
        await output.sync()
      } finally {
        await output.close()
      }
    }
    if (position !== bodyBytes) throw invalidBackup('its sections do not add up')
    const stored = Buffer.alloc(MAC_BYTES)
    await input.read(stored, 0, MAC_BYTES, bodyBytes)
    if (!timingSafeEqual(mac.digest(), stored)) {
      throw invalidBackup('it was altered or damaged (its authentication code does not match)')
    }
  } finally {
    await input.close()
  }
}
