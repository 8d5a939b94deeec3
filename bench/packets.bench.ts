/**
 * One packet to PDF (aim ≤ 1.5 s): prepare (consent, details, directory, layout, fonts) plus Chromium's print,
 * with the browser already running as it is in the app and the bridge; Chromium's cold start and the preview
 * (the same print, then every page drawn by PDFium) are noted beside it.
 */
import { ChromiumPdfPrinter } from '../src/main/core/packets/chromium-pdf'
import { previewPacket } from '../src/main/core/packets/packet-preview'
import type { TPacketRequest } from '../src/shared/contract/packets'
import type { TBenchModule } from './module'
import { median, ms } from './support/measure'

const RUNS = 7

export const packetsBench: TBenchModule = {
  name: 'packets',
  figures: ['packet_pdf_ms'],
  async run(bench) {
    const { services } = bench.caseload.vault
    const sample = bench.caseload.samples[0]
    if (sample === undefined) throw new Error('The caseload has no case to make a packet for.')
    // The survivor's own packet: it needs no consent, and lists the directory for their province.
    const choices = services.packets.choices({ caseId: sample.caseId, kind: 'survivor' })
    const request: TPacketRequest = {
      caseId: sample.caseId,
      kind: 'survivor',
      language: choices.defaultLanguage,
      fields: choices.defaultFields,
    }
    const printer = new ChromiumPdfPrinter()
    try {
      const timed = async (work: () => Promise<unknown>): Promise<number> => {
        const started = performance.now()
        await work()
        return performance.now() - started
      }
      const print = async () => {
        const packet = services.packets.prepare(request)
        return printer.print(packet.html, packet.record.pageSize)
      }
      bench.progress('packets: starting Chromium')
      const coldStart = await timed(print)
      const times: number[] = []
      for (let run = 0; run < RUNS; run++) times.push(await timed(print))
      const previews: number[] = []
      for (let run = 0; run < 3; run++) {
        previews.push(
          await timed(() =>
            previewPacket(services.packets, request, (html, size) => printer.print(html, size)),
          ),
        )
      }
      bench.note(
        'packet_pdf_ms',
        `median of ${RUNS}, warm browser; Chromium cold start + first packet ${ms(coldStart)} ms; preview (PDF + pages) median ${ms(median(previews))} ms`,
      )
      return { packet_pdf_ms: ms(median(times)) }
    } finally {
      await printer.close()
    }
  },
}
