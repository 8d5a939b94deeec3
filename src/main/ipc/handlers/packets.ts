import type { packetsChannels } from '../../../shared/contract'
import { AppError } from '../../../shared/result'
import { savePacketPdf } from '../../core/packets/packet-pdf-file'
import { previewPacket } from '../../core/packets/packet-preview'
import type { TServices } from '../../core/services'
import type { THandlersFor } from '../types'

const unavailable = (what: string): AppError => new AppError('CANCELLED', `${what} is not available here.`)

/**
 * Referral packets. The packet service checks the role and consent again on every call; printing and the save
 * dialog belong to the host (desktop port), and the PDF's path never comes from the renderer.
 */
export const packetsHandlers = ({
  packets,
  letterTemplates,
  options,
}: TServices): THandlersFor<typeof packetsChannels> => ({
  'packets:choices': (request) => packets.choices(request),
  'packets:preview': (request) => {
    const { printPacketToPdf } = options.desktop
    if (printPacketToPdf === undefined) throw unavailable('The preview')
    return previewPacket(packets, request, printPacketToPdf)
  },
  'packets:savePdf': (request) => {
    const { printPacketToPdf, choosePacketDestination } = options.desktop
    if (printPacketToPdf === undefined || choosePacketDestination === undefined)
      throw unavailable('Saving as PDF')
    return savePacketPdf(packets, request, printPacketToPdf, choosePacketDestination)
  },
  'packets:letterTemplates': () => letterTemplates.get(),
  'packets:saveLetterTemplate': (request) => letterTemplates.save(request),
  'packets:print': async (request) => {
    const { printPacket } = options.desktop
    if (printPacket === undefined) throw unavailable('Printing')
    const packet = packets.prepare(request)
    if (!(await printPacket(packet.html, packet.record.pageSize))) return { saved: false, record: null }
    return { saved: true, record: packets.recordPrinted(request, packet.record) }
  },
})
