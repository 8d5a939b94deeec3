import type { TPacketPreview, TPacketRequest } from '../../../shared/contract/packets'
import type { TPacketPdfPrinter } from './packet-pdf-file'
import { packetPages } from './packet-pages'
import type { PacketService } from './packet-service'

/**
 * The preview is the packet's PDF, printed by the same printer as Save as PDF and drawn page by page, so page
 * breaks, the running footer and every script look on screen exactly as on paper. Consent is checked (and the
 * view audited) by `PacketService.preview` before anything is printed.
 */
export async function previewPacket(
  packets: PacketService,
  request: TPacketRequest,
  print: TPacketPdfPrinter,
): Promise<TPacketPreview> {
  const packet = packets.preview(request)
  const pdf = await print(packet.html, packet.record.pageSize)
  return { pages: await packetPages(pdf), record: packet.record }
}
