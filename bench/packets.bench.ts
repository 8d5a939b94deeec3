/**
 * One packet to PDF (aim ≤ 1.5 s): prepare (consent, details, layout, fonts) plus Chromium's print, with the
 * browser already running as it is in the app and the bridge; Chromium's cold start is reported apart.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { emptyIntake } from '../src/shared/cases/intake-schema'
import { ChromiumPdfPrinter } from '../src/main/core/packets/chromium-pdf'
import { createVaultServices } from '../src/main/core/services'

const RUNS = 7
const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN
const report = (label: string, values: number[]): void => {
  process.stdout.write(
    `${label.padEnd(44)} median ${median(values).toFixed(1)} ms   (min ${Math.min(...values).toFixed(1)}, max ${Math.max(...values).toFixed(1)}, n=${values.length})\n`,
  )
}

const root = mkdtempSync(join(tmpdir(), 'ccij-bench-packets-'))
const printer = new ChromiumPdfPrinter()
try {
  const services = createVaultServices({
    directory: join(root, 'vault'),
    kdf: { name: 'scrypt', N: 2 ** 10, r: 8, p: 1 },
  })
  await services.vault.create({
    organizationName: 'Bench',
    username: 'alex.example',
    displayName: 'Alex',
    passphrase: 'quiet lantern ferry orbit 92',
  })
  const intake = emptyIntake('2026-11-20')
  intake.person.givenNames = 'Bench'
  intake.person.familyName = 'Person'
  intake.person.originalScriptName = 'زهرة ሰላም 测试'
  intake.location.province = 'ON'
  intake.languages.preferred = 'ar'
  intake.consent = [
    {
      purpose: 'share_with_organization',
      granted: true,
      method: 'written',
      givenOn: '2026-11-20',
      expiresOn: '',
      notes: '',
    },
  ]
  const { caseId } = services.intake.submit({ intake, decision: { kind: 'new' }, reviewedCandidates: [] })
  const request = {
    caseId,
    kind: 'organization' as const,
    language: 'en' as const,
    recipient: { name: 'Bench Organization', lines: [] },
    fields: ['name' as const, 'original_script_name' as const, 'location' as const, 'languages' as const],
  }

  let started = performance.now()
  await printer.print(services.packets.prepare(request).html, 'letter')
  report('chromium cold start + first packet', [performance.now() - started])

  const times: number[] = []
  for (let run = 0; run < RUNS; run++) {
    started = performance.now()
    const packet = services.packets.prepare(request)
    await printer.print(packet.html, packet.record.pageSize)
    times.push(performance.now() - started)
  }
  report('packet_pdf_ms (prepare + print, warm browser)', times)
  services.vault.lock()
} finally {
  await printer.close()
  rmSync(root, { recursive: true, force: true })
}
