import { randomBytes, randomInt } from 'node:crypto'
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ByteSearch } from '#test-support/canary/byte-search'
import { finalPath } from '#test-support/strace/file-trace'
import { LeakScanner } from '#test-support/canary/leak-scanner'
import { scanRun } from '#test-support/canary/scan-run'
import { runTraced } from '#test-support/strace/traced-run'
import { tempFolderPerTest } from '#test-support/per-test'

/** The scanner canary-scan.test.ts relies on, checked against leaks planted on purpose. */

const CANARY = `CANARYSELFTEST${randomBytes(6).toString('hex')}`
const scanner = new LeakScanner({ canary: CANARY })
const found = (bytes: Buffer | string) =>
  scanner.scan(typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : bytes).map((leak) => leak.form)

describe('the leak scanner', () => {
  it.each([0, 1, 2, 3, 4, 5])(
    'finds a value inside a longer base64 text, %i bytes in, whatever follows',
    (before) => {
      for (const encoding of ['utf8', 'utf16le'] as const) {
        const plain = Buffer.concat([
          randomBytes(before),
          Buffer.from(CANARY, encoding),
          randomBytes(randomInt(0, 4)),
        ])
        expect(found(plain.toString('base64')), encoding).not.toEqual([])
        expect(found(plain.toString('base64url')), encoding).not.toEqual([])
      }
    },
  )

  it('finds a value as text in any case, UTF-16 either way round, and hex in either case', () => {
    const noise = randomBytes(3000)
    for (const text of [CANARY, CANARY.toLowerCase(), `"${CANARY.toUpperCase()}"`]) {
      expect(found(Buffer.concat([noise, Buffer.from(text, 'utf8'), noise]))).toContain('utf8')
    }
    expect(found(Buffer.from(`x${CANARY}`, 'utf16le'))).toContain('utf16le')
    expect(found(Buffer.from(CANARY, 'utf16le').swap16())).toContain('utf16be')
    expect(found(Buffer.from(CANARY).toString('hex').toUpperCase())).toContain('hex(utf8)')
  })

  it('finds raw key bytes, and nothing in random bytes or in a near miss', () => {
    const key = randomBytes(32)
    const keyScanner = new LeakScanner({ key })
    expect(keyScanner.scan(Buffer.concat([randomBytes(7), key])).map((leak) => leak.form)).toContain('raw')
    expect(found(randomBytes(4 * 1024 * 1024))).toEqual([])
    expect(found(CANARY.slice(0, -1))).toEqual([])
  })

  it('finds many patterns in one pass exactly where indexOf does', () => {
    const patterns = Array.from({ length: 300 }, () => randomBytes(randomInt(2, 6)))
    const haystack = randomBytes(200_000)
    const search = new ByteSearch(patterns)
    const hits = search.find(haystack)
    patterns.forEach((pattern, index) => {
      const at = haystack.indexOf(pattern)
      expect(hits.get(index), `pattern ${index}`).toBe(at === -1 ? undefined : at + pattern.length)
    })
  })
})

describe('the traced run', () => {
  const folder = tempFolderPerTest('ccij-scanner-')

  it('sees bytes written to files that are deleted or renamed away, and where renamed bytes ended up', async () => {
    const script = join(folder(), 'writer.mjs')
    const work = join(folder(), 'work')
    mkdirSync(work)
    writeFileSync(
      script,
      `import * as fs from 'node:fs'
      const [work, secret] = process.argv.slice(2)
      const b64 = Buffer.from('ab' + secret).toString('base64')
      fs.writeFileSync(work + '/gone.tmp', b64); fs.rmSync(work + '/gone.tmp')
      const open = fs.openSync(work + '/unlinked.tmp', 'w'); fs.unlinkSync(work + '/unlinked.tmp')
      fs.writeSync(open, secret.toLowerCase()); fs.closeSync(open)
      const fd = fs.openSync(work + '/.draft.tmp', 'w')
      fs.writevSync(fd, [Buffer.from(secret.slice(0, 9)), Buffer.from(secret.slice(9))]); fs.closeSync(fd)
      fs.mkdirSync(work + '/staging'); fs.renameSync(work + '/.draft.tmp', work + '/staging/draft')
      fs.renameSync(work + '/staging', work + '/final')
      await fs.promises.writeFile(work + '/async.tmp', Buffer.from(secret, 'utf16le')); fs.rmSync(work + '/async.tmp')
      `,
    )
    const run = await runTraced(script, [work, CANARY], {
      env: { PATH: process.env['PATH'], HOME: folder(), TMPDIR: folder(), UV_USE_IO_URING: '0' },
      logFile: join(folder(), 'trace.log'),
    })
    expect(run.stderr).toBe('')
    expect(run.trace.problems).toEqual([])
    const scan = scanRun(run.trace, scanner, [work], () => false)
    const leaks = scan.leaks.map(
      (leak) =>
        `${leak.where} ${leak.path.slice(work.length)} → ${leak.endedUpAt.slice(work.length)}: ${leak.form}`,
    )
    expect(leaks).toEqual(
      expect.arrayContaining([
        'written /gone.tmp → /gone.tmp: base64+2(utf8)',
        // Written after it was deleted: only an open descriptor still knew it.
        'written /unlinked.tmp → /unlinked.tmp: utf8',
        // Split across two writes of one writev, renamed into a folder that was then renamed itself.
        'written /.draft.tmp → /final/draft: utf8',
        'on disk /final/draft → /final/draft: utf8',
        // Written from libuv's thread pool.
        'written /async.tmp → /async.tmp: utf16le',
      ]),
    )
    expect(run.trace.deleted).toContain(join(work, 'gone.tmp'))
  })

  it('follows a rename of a folder above a written file, and only renames after the write', () => {
    const trace = {
      touched: new Set<string>(),
      writes: [],
      deleted: new Set<string>(),
      unseenWrites: new Set<string>(),
      problems: [],
      syncs: [],
      moves: [
        { from: '/v/.staging', to: '/v/vault', at: 5, kind: 'rename' as const },
        { from: '/v/vault', to: '/v/old', at: 2, kind: 'rename' as const },
      ],
    }
    expect(finalPath(trace, '/v/.staging/vault.db', 3)).toBe('/v/vault/vault.db')
    expect(finalPath(trace, '/v/.staging/vault.db', 6)).toBe('/v/.staging/vault.db')
    expect(finalPath(trace, '/v/.stagingx/vault.db', 3)).toBe('/v/.stagingx/vault.db')
  })

  it('fails the scan on a file it cannot read instead of skipping it', () => {
    const work = join(folder(), 'data')
    mkdirSync(work)
    // Running as root, permissions do not stop a read; a link to nowhere does.
    symlinkSync(join(folder(), 'nowhere'), join(work, 'settings.json'))
    const trace = {
      touched: new Set([join(folder(), 'mapped.db-shm')]),
      writes: [],
      moves: [],
      deleted: new Set<string>(),
      unseenWrites: new Set([join(folder(), 'mapped.db-shm')]),
      problems: [],
      syncs: [],
    }
    const scan = scanRun(trace, scanner, [work], () => false)
    expect(scan.unreadable).toEqual([
      expect.stringContaining('settings.json'),
      expect.stringContaining('mapped.db-shm: written through a mapping'),
    ])
    expect(scanRun(trace, scanner, [], (path) => path.endsWith('-shm')).unreadable).toEqual([])
  })
})
