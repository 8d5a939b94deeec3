/**
 * BENCH ONLY, run as a child process by the renderer figures: stands in for Electron's main process. It serves the
 * built renderer through the browser bridge over the bench's vault (the same services and handler table main
 * registers), unlocks it with the production key derivation, and reports its own memory when asked, so
 * `main_rss_bytes` is the memory of a process holding the unlocked vault and answering the list, not the bench's.
 *
 * Messages in: { unlock: { username, passphrase } }, 'memory', 'close'. Out: { url }, { rss }, { error }.
 */
import { startBridge } from '../../src/main/bridge/server'

type TMessageIn = { unlock: { username: string; passphrase: string } } | 'memory' | 'close'

const dataDirectory = process.argv[2]
if (dataDirectory === undefined || process.send === undefined) {
  process.stderr.write('usage: fork bridge-host.ts DATA_DIRECTORY (with an IPC channel)\n')
  process.exit(2)
}
const send = (message: unknown): void => {
  process.send?.(message)
}

const bridge = await startBridge({ dataDirectory })
process.on('message', (message: TMessageIn) => {
  if (message === 'memory') send({ rss: process.memoryUsage().rss })
  else if (message === 'close') void bridge.close().then(() => process.exit(0))
  else {
    bridge.services.vault.unlock(message.unlock.username, message.unlock.passphrase).then(
      () => send({ url: bridge.url }),
      (error: unknown) => send({ error: error instanceof Error ? error.message : String(error) }),
    )
  }
})
send('listening')
