import type { TPacketRequest, TPacketSaved } from '../../../shared/contract/packets'
import type { TPageSize } from '../../../shared/packets/vocabulary'
import { writeFileAtomic } from '../fs/atomic-write'
import type { PacketService } from './packet-service'

/** Turns a packet's HTML into PDF bytes: Electron's printToPDF in the app, system Chromium elsewhere. */
export type TPacketPdfPrinter = (html: string, pageSize: TPageSize) => Promise<Buffer>

/**
 * Save as PDF, for the app and the admin CLI alike: the packet is checked against consent and printed in memory,
 * then the destination is asked for, then the print is recorded (consent checked again) and only then is the
 * file written, atomically and readable by its owner only. A cancelled dialog records nothing.
 */
export async function savePacketPdf(
  packets: PacketService,
  request: TPacketRequest,
  print: TPacketPdfPrinter,
  chooseDestination: (suggestedName: string) => Promise<string | null>,
): Promise<TPacketSaved> {
  const packet = packets.prepare(request)
  const pdf = await print(packet.html, packet.record.pageSize)
  const destination = await chooseDestination(`${packet.record.packetId}.pdf`)
  if (destination === null) return { saved: false, record: null }
  const record = packets.recordPrinted(request, packet.record)
  writeFileAtomic(destination, pdf, 0o600)
  return { saved: true, record }
}
