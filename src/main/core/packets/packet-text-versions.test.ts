import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { PACKET_TEXT_VERSIONS, packetTexts } from '../../../shared/packets/packet-texts'
import { PACKET_TEMPLATE_VERSION } from '../../../shared/packets/vocabulary'

const fingerprint = (version: number, language: 'en' | 'fr'): string =>
  createHash('sha256')
    .update(JSON.stringify(packetTexts(language, version)))
    .digest('hex')

/*
 * A shipped version of the packet texts is what old packets reprint with: editing it would change their words. These
 * fingerprints are taken once, when a version ships; a rewording adds a version (and its fingerprints) instead.
 */
const SHIPPED: Record<number, Record<'en' | 'fr', string>> = {
  1: {
    en: '90cdcd7441c3bf7e056178c66717f06999e3aac2be6d6f40ee4dcb897d4b2198',
    fr: '4927e8e060f0a621190ffa3c1ff38b3848f2206316f1bb660321f20d51a4b423',
  },
  2: {
    en: 'c25b61e7d7319b5cb7a824cc523d16b06faaa38f9b9a171ed56063172ed96892',
    fr: 'bd6733a1b642b20d9c3b8de24e431e2407c8ecf330be6d3a3dcb72b5f166a527',
  },
}

describe('the versions of the packet texts', () => {
  it('keep every shipped version word for word', () => {
    expect(PACKET_TEXT_VERSIONS).toEqual(Object.keys(SHIPPED).map(Number))
    for (const version of PACKET_TEXT_VERSIONS) {
      expect(fingerprint(version, 'en'), `version ${version} (en)`).toBe(SHIPPED[version]?.en)
      expect(fingerprint(version, 'fr'), `version ${version} (fr)`).toBe(SHIPPED[version]?.fr)
    }
  })

  it('print new packets with the newest version, and refuse one the app does not ship', () => {
    expect(PACKET_TEMPLATE_VERSION).toBe(Math.max(...PACKET_TEXT_VERSIONS))
    expect(packetTexts('fr')).toBe(packetTexts('fr', PACKET_TEMPLATE_VERSION))
    expect(packetTexts('fr', 1).field.adverse_parties).toBe('Auteurs présumés et autres parties adverses')
    expect(packetTexts('fr').field.adverse_parties).toBe('Auteur·rices présumé·es et autres parties adverses')
    expect(() => packetTexts('fr', 3)).toThrow(/no version 3/)
  })
})
