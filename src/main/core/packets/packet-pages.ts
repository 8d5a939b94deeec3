import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { PDFiumLibrary } from '@hyzyla/pdfium'
import type { TPacketPage } from '../../../shared/contract/packets'
import { AppError } from '../../../shared/result'
import { encodePng } from './png'

/*
 * The preview shows the packet's PDF itself, page by page, so what staff check is exactly what prints: the same
 * bytes Save as PDF writes, drawn by PDFium (Chromium's own PDF engine, compiled to WebAssembly, so no native
 * module and no program to install). Everything stays in memory: no PDF or image touches the disk.
 */

/** 1.5 × 72 dpi: sharp enough to read a name in any script at the dialog's width, small enough to send. */
const PREVIEW_SCALE = 1.5
/** A packet is a few pages; a runaway document is refused rather than drawn. */
export const MAX_PREVIEW_PAGES = 40

// Not named `require`: in main's CommonJS bundle that name is the module wrapper's own parameter.
const wasmRequire = createRequire(import.meta.url)

let library: Promise<PDFiumLibrary> | null = null

/** PDFium is loaded once (a few MB of WebAssembly) and kept for the next preview. */
function pdfium(): Promise<PDFiumLibrary> {
  if (library === null) {
    const wasm = readFileSync(wasmRequire.resolve('@hyzyla/pdfium/pdfium.wasm'))
    const loading = PDFiumLibrary.init({
      wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer,
    })
    loading.catch(() => {
      if (library === loading) library = null
    })
    library = loading
  }
  return library
}

/** Every page of a PDF as a PNG `data:` URL, which the renderer's CSP allows as an image. */
export async function packetPages(pdf: Uint8Array): Promise<TPacketPage[]> {
  const document = await (await pdfium()).loadDocument(new Uint8Array(pdf))
  try {
    if (document.getPageCount() > MAX_PREVIEW_PAGES) {
      throw new AppError('BAD_REQUEST', `The packet has more than ${MAX_PREVIEW_PAGES} pages to preview.`)
    }
    const pages: TPacketPage[] = []
    for (const page of document.pages()) {
      const bitmap = await page.render({ scale: PREVIEW_SCALE, render: 'bitmap', transparent: false })
      const png = encodePng(bitmap.data, bitmap.width, bitmap.height)
      pages.push({
        src: `data:image/png;base64,${png.toString('base64')}`,
        width: bitmap.width,
        height: bitmap.height,
      })
    }
    return pages
  } finally {
    document.destroy()
  }
}
