import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { TPacketPreview } from '../../../../shared/contract/packets'

export type TPacketPreviewProps = { preview: TPacketPreview }

/**
 * The packet's PDF, page by page, as main drew it: what staff read here is exactly what Save as PDF and Print
 * produce. A scrolling region of its own, reachable by Tab so the pages can be scrolled by keyboard.
 */
export function PacketPreview({ preview }: TPacketPreviewProps) {
  const { t } = useTranslation()
  const total = preview.pages.length
  const pagesRef = useRef<HTMLDivElement>(null)
  // The preview opens below the choices: take the reader (and the keyboard) to it.
  useEffect(() => pagesRef.current?.focus(), [preview])
  return (
    <section className="packet-preview" aria-labelledby="packet-preview-title">
      <h3 id="packet-preview-title" className="packet-preview__title">
        {t('packets.preview.title', { packetId: preview.record.packetId, count: total })}
      </h3>
      <div
        className="packet-preview__pages"
        role="region"
        aria-label={t('packets.preview.pages')}
        tabIndex={0}
        ref={pagesRef}
      >
        {preview.pages.map((page, index) => (
          <img
            key={index}
            className="packet-preview__page"
            src={page.src}
            width={page.width}
            height={page.height}
            alt={t('packets.preview.page', { page: index + 1, total })}
          />
        ))}
      </div>
    </section>
  )
}
