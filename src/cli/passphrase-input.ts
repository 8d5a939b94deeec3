import { readFileSync } from 'node:fs'
import { createInterface } from 'node:readline'
import { UsageError } from './usage-error'

/** Read one visible line from the terminal (for things that are not secret, or already on screen). */
export function promptLine(prompt: string): Promise<string> {
  return new Promise((resolve) => {
    const lines = createInterface({ input: process.stdin, output: process.stderr })
    lines.question(prompt, (answer) => {
      lines.close()
      resolve(answer)
    })
  })
}

/** Read one line from the terminal without echoing it. */
export function promptHidden(prompt: string): Promise<string> {
  const input = process.stdin
  return new Promise((resolve, reject) => {
    process.stderr.write(prompt)
    let typed = ''
    const finish = (error?: Error): void => {
      input.setRawMode(false)
      input.pause()
      input.off('data', onData)
      process.stderr.write('\n')
      if (error === undefined) resolve(typed)
      else reject(error)
    }
    const onData = (chunk: Buffer): void => {
      for (const character of chunk.toString('utf8')) {
        if (character === '\r' || character === '\n') return finish()
        if (character === '\u0003' || character === '\u0004') return finish(new UsageError('Cancelled.'))
        if (character === '\u007f' || character === '\b') typed = typed.slice(0, -1)
        else typed += character
      }
    }
    input.setRawMode(true)
    input.resume()
    input.on('data', onData)
  })
}

export type TSecretSource = {
  /** Option holding a file to read the secret from. */
  file: string | undefined
  /** Environment variable for scripts. */
  environmentVariable: string
  prompt: string
  /** Ask twice on a terminal (for new passphrases). */
  confirm?: boolean
}

/**
 * A passphrase from a file, an environment variable, or a hidden terminal prompt, in that order.
 * Never from the command line, where other users of the machine and shell history would see it.
 */
export async function readSecret(source: TSecretSource): Promise<string> {
  if (source.file !== undefined) {
    try {
      return readFileSync(source.file, 'utf8').replace(/\r?\n$/, '')
    } catch {
      throw new UsageError(`Cannot read the passphrase file ${source.file}.`)
    }
  }
  const fromEnvironment = process.env[source.environmentVariable]
  if (fromEnvironment !== undefined && fromEnvironment !== '') return fromEnvironment
  if (!process.stdin.isTTY) {
    throw new UsageError(
      `No passphrase: run in a terminal to be asked, or set ${source.environmentVariable}, or pass a passphrase file.`,
    )
  }
  const first = await promptHidden(source.prompt)
  if (source.confirm === true) {
    const second = await promptHidden('Type it again: ')
    if (first !== second) throw new UsageError('The two passphrases differ.')
  }
  return first
}
