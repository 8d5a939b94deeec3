/*
 * A PDF small enough to write by hand, for tests where the host's printer (Chromium) stands in: PDFium draws it
 * like any other, so the preview's path runs end to end without a browser.
 */

/** A valid one-page PDF (blank page) whose one unreferenced stream is `payload`, byte for byte. */
export function pdfCarrying(payload: Buffer): Buffer {
  const objects = [
    Buffer.from('<< /Type /Catalog /Pages 2 0 R >>'),
    Buffer.from('<< /Type /Pages /Kids [3 0 R] /Count 1 >>'),
    Buffer.from('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>'),
    Buffer.concat([
      Buffer.from(`<< /Length ${payload.length} >>\nstream\n`),
      payload,
      Buffer.from('\nendstream'),
    ]),
  ]
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n')]
  const offsets: number[] = []
  let length = parts[0]!.length
  objects.forEach((body, index) => {
    const object = Buffer.concat([Buffer.from(`${index + 1} 0 obj\n`), body, Buffer.from('\nendobj\n')])
    offsets.push(length)
    parts.push(object)
    length += object.length
  })
  const xref = [
    'xref',
    `0 ${objects.length + 1}`,
    '0000000000 65535 f ',
    ...offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n `),
    `trailer << /Size ${objects.length + 1} /Root 1 0 R >>`,
    'startxref',
    String(length),
    '%%EOF',
  ].join('\n')
  return Buffer.concat([...parts, Buffer.from(`${xref}\n`)])
}
