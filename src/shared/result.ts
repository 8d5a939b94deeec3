/** Error codes that cross the IPC boundary. Messages are for people; codes are for code. Never stack traces. */
export const ERROR_CODES = [
  'BAD_REQUEST',
  'UNKNOWN_CHANNEL',
  'FORBIDDEN_SENDER',
  'LOCKED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'WRONG_PASSPHRASE',
  'THROTTLED',
  'VAULT_TOO_NEW',
  'VAULT_EXISTS',
  'NO_VAULT',
  'INVALID_FILE',
  'CANCELLED',
  'INTERNAL',
  /** Signed in with a passphrase an admin chose: only changing it (or locking) is allowed until then. */
  'PASSPHRASE_CHANGE_REQUIRED',
] as const
export type TErrorCode = (typeof ERROR_CODES)[number]

export type TIpcError = { code: TErrorCode; message: string; details?: unknown }
export type TIpcResult<T> = { ok: true; value: T } | { ok: false; error: TIpcError }

/**
 * An error a handler throws on purpose. Its code and message reach the renderer; anything else
 * thrown becomes INTERNAL with a generic message, so no internals (paths, SQL, data) leak.
 */
export class AppError extends Error {
  constructor(
    readonly code: TErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message)
    this.name = 'AppError'
  }
}

export const ok = <T>(value: T): TIpcResult<T> => ({ ok: true, value })
export const fail = (code: TErrorCode, message: string, details?: unknown): TIpcResult<never> => ({
  ok: false,
  error: details === undefined ? { code, message } : { code, message, details },
})
