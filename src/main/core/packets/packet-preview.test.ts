import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { inflateSync } from 'node:zlib'
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest'
import { emptyIntake } from '../../../shared/cases/intake-schema'
import type { TPacketPage } from '../../../shared/contract/packets'
import { createTestVault } from '#test-support/vault-fixtures'
import { codeOfAsync, tempFolderPerTest } from '#test-support/per-test'
import type { TVaultServices } from '../services'
import { ChromiumPdfPrinter } from './chromium-pdf'
import { previewPacket } from './packet-preview'

/*
 * The preview is the PDF itself, drawn page by page in memory: as many pages as the saved PDF has, at the paper's
 * proportions, with ink on them, and refused before anything is printed when consent does not allow a field.
 */

const printer = new ChromiumPdfPrinter()
afterAll(() => printer.close())

/** The pixels of one of our PNG pages (8-bit RGB, unfiltered rows), read back the way an image viewer would. */
function pixelsOf(page: TPacketPage): { width: number; height: number; rgb: Buffer } {
  const png = Buffer.from(page.src.slice('data:image/png;base64,'.length), 'base64')
  expect(png.subarray(1, 4).toString('ascii')).toBe('PNG')
  const idat: Buffer[] = []
  let width = 0
  let height = 0
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at)
    const type = png.subarray(at + 4, at + 8).toString('ascii')
    const data = png.subarray(at + 8, at + 8 + length)
    if (type === 'IHDR') {
      width = data.readUInt32BE(0)
      height = data.readUInt32BE(4)
      expect([...data.subarray(8, 10)]).toEqual([8, 2])
    }
    if (type === 'IDAT') idat.push(data)
    at += 12 + length
  }
  const raw = inflateSync(Buffer.concat(idat))
  expect(raw.length).toBe((1 + width * 3) * height)
  return { width, height, rgb: raw }
}

/** Pixels clearly warmer than grey: the packet's brown headings, so red and blue were not swapped. */
const warmOf = ({ width, height, rgb }: ReturnType<typeof pixelsOf>): number => {
  let warm = 0
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const at = y * (1 + width * 3) + 1 + x * 3
      if ((rgb[at] ?? 0) > (rgb[at + 2] ?? 0) + 40) warm++
    }
  }
  return warm
}

const inkOf = ({ width, height, rgb }: ReturnType<typeof pixelsOf>): number => {
  let dark = 0
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const at = y * (1 + width * 3) + 1 + x * 3
      if ((rgb[at] ?? 255) + (rgb[at + 1] ?? 255) + (rgb[at + 2] ?? 255) < 300) dark++
    }
  }
  return dark
}

describe('packet preview', () => {
  const root = tempFolderPerTest()
  let services: TVaultServices

  beforeEach(async () => {
    services = await createTestVault(root())
  })
  afterEach(() => services.vault.lock())

  const newCase = () => {
    const intake = emptyIntake('2026-11-20')
    intake.person.givenNames = 'Invented'
    intake.person.familyName = 'Preview-Example'
    intake.location.province = 'ON'
    intake.location.city = 'Ottawa'
    return services.intake.submit({ intake, decision: { kind: 'new' }, reviewedCandidates: [] }).caseId
  }

  it('shows every page of the PDF Save as PDF writes, at the paper’s size, and audits the view', async () => {
    const caseId = newCase()
    const request = { caseId, kind: 'survivor' as const, language: 'en' as const, fields: ['name' as const] }
    const preview = await previewPacket(services.packets, request, (html, size) => printer.print(html, size))

    const packet = services.packets.prepare(request)
    const file = join(root(), 'packet.pdf')
    writeFileSync(file, await printer.print(packet.html, 'letter'))
    const pdfPages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file]).toString())?.[1])
    expect(pdfPages).toBeGreaterThan(1)
    expect(preview.pages).toHaveLength(pdfPages)

    const first = pixelsOf(preview.pages[0]!)
    // Letter at 1.5 × 72 dpi: 8.5 × 11 in.
    expect([first.width, first.height]).toEqual([918, 1188])
    expect(inkOf(first)).toBeGreaterThan(5_000)
    expect(warmOf(first)).toBeGreaterThan(500)
    // Paper is white: the corner, inside the margin, has no ink.
    expect([...first.rgb.subarray(1, 4)]).toEqual([255, 255, 255])
    expect(preview.record.kind).toBe('survivor')
    expect(services.audit.list({}).entries.some((each) => each.action === 'record.viewed')).toBe(true)
    if (process.env['PACKET_PNG_DIR'] !== undefined) {
      preview.pages.forEach((page, index) => {
        const png = Buffer.from(page.src.slice('data:image/png;base64,'.length), 'base64')
        writeFileSync(join(process.env['PACKET_PNG_DIR']!, `preview-${index + 1}.png`), png)
      })
    }
  }, 60_000)

  it('draws A4 at A4’s proportions', async () => {
    const caseId = newCase()
    const preview = await previewPacket(
      services.packets,
      { caseId, kind: 'survivor', language: 'fr', pageSize: 'a4', fields: [] },
      (html, size) => printer.print(html, size),
    )
    const first = pixelsOf(preview.pages[0]!)
    // A4 as Chromium sizes it (8.27 × 11.69 in), at 1.5 × 72 dpi.
    expect([first.width, first.height]).toEqual([891, 1261])
  }, 60_000)

  it('refuses a field consent does not allow before anything is printed', async () => {
    const caseId = newCase()
    let printed = 0
    const code = await codeOfAsync(() =>
      previewPacket(
        services.packets,
        {
          caseId,
          kind: 'organization',
          language: 'en',
          recipient: { name: 'Example Settlement Services', lines: [] },
          fields: ['name'],
        },
        async () => {
          printed++
          return Buffer.alloc(0)
        },
      ),
    )
    expect(code).toBe('FORBIDDEN')
    expect(printed).toBe(0)
  })
})
