import { checkPassphrase } from '../../../shared/passphrase-policy'
import { AppError } from '../../../shared/result'

/** BAD_REQUEST, saying what to change, unless `passphrase` is long and hard enough to guess (`userInputs` count against it). */
export function assertStrongPassphrase(passphrase: string, userInputs: readonly string[]): void {
  const verdict = checkPassphrase(passphrase, userInputs)
  if (!verdict.ok) {
    throw new AppError(
      'BAD_REQUEST',
      verdict.isLongEnough
        ? 'This passphrase is too easy to guess. Add more unrelated words.'
        : 'A passphrase needs at least 12 characters.',
      verdict,
    )
  }
}
