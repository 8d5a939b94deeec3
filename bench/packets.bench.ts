/**
 * One packet to PDF (aim ≤ 1.5 s): prepare (consent, details, layout, fonts) plus Chromium's print, with the
 * browser already running as it is in the app and the bridge; Chromium's cold start is in the note. The packet is
 * for a case added to the bench's vault with the consent a packet needs (written last of the read figures' modules,
 * so the case list's counts are not disturbed).
 */
import { emptyIntake } from '../src/shared/cases/intake-schema'
import { ChromiumPdfPrinter } from '../src/main/core/packets/chromium-pdf'
import { previewPacket } from '../src/main/core/packets/packet-preview'
import type { TBenchModule } from './module'
import { median, ms, Series } from './support/measure'

export const packetsBench: TBenchModule = {
  name: 'packets',
  figures: ['packet_pdf_ms'],
  async run(bench) {
    const { intake: intakes, packets } = bench.caseload.vault.services
    const intake = emptyIntake('2026-11-20')
    intake.person.givenNames = 'Bench'
    intake.person.familyName = 'Packet-Synthetic'
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
    // At full scale a synthetic name can resemble one of the 100,000: the bench reviews the likely matches shown
    // and keeps its case new, as a caseworker would, rather than being refused for not looking.
    const reviewedCandidates = intakes.findDuplicates(intake).map((candidate) => candidate.caseId)
    const { caseId } = intakes.submit({ intake, decision: { kind: 'new' }, reviewedCandidates })
    const request = {
      caseId,
      kind: 'organization' as const,
      language: 'en' as const,
      recipient: { name: 'Bench Organization', lines: [] },
      fields: ['name' as const, 'original_script_name' as const, 'location' as const, 'languages' as const],
    }
    const printer = new ChromiumPdfPrinter()
    try {
      const cold = new Series()
      try {
        await cold.timeAsync(() => printer.print(packets.prepare(request).html, 'letter'))
      } catch (error) {
        bench.note('packet_pdf_ms', `not measured: Chromium could not print (${(error as Error).message})`)
        return { packet_pdf_ms: null }
      }
      const warm = new Series()
      for (let run = 0; run < bench.scale.runs.packets; run++) {
        await warm.timeAsync(async () => {
          const packet = packets.prepare(request)
          await printer.print(packet.html, packet.record.pageSize)
        })
      }
      // The preview is the same print, then every page drawn by PDFium into images.
      const preview = new Series()
      for (let run = 0; run < 3; run++) {
        await preview.timeAsync(() =>
          previewPacket(packets, request, (html, size) => printer.print(html, size)),
        )
      }
      bench.note(
        'packet_pdf_ms',
        `median of ${warm.wall.length} packets prepared and printed by a running Chromium (min ${ms(Math.min(...warm.wall))} ms, max ${ms(Math.max(...warm.wall))} ms; ${warm.cpuSummary()} in this process); its cold start and first packet took ${ms(cold.wall[0] ?? Number.NaN)} ms; a preview (PDF + pages) median ${ms(median(preview.wall))} ms`,
      )
      return { packet_pdf_ms: ms(median(warm.wall)) }
    } finally {
      await printer.close()
    }
  },
}
