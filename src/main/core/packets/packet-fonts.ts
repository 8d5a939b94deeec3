import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

/*
 * The fonts every packet embeds, so a name prints the same on every machine with no network or font files needed:
 * Noto Sans (Latin, Greek, Cyrillic) first, then one Noto family per script survivors' names come in. Persian
 * and Urdu use the Arabic script. Each family is split by Fontsource into unicode-range pieces; a packet embeds
 * only the pieces holding a character it prints, so a Chinese name costs a few hundred kilobytes, not megabytes.
 */
const FAMILIES = [
  { package: '@fontsource/noto-sans', family: 'Noto Sans' },
  { package: '@fontsource/noto-sans-arabic', family: 'Noto Sans Arabic' },
  { package: '@fontsource/noto-sans-ethiopic', family: 'Noto Sans Ethiopic' },
  { package: '@fontsource/noto-sans-devanagari', family: 'Noto Sans Devanagari' },
  { package: '@fontsource/noto-sans-tamil', family: 'Noto Sans Tamil' },
  { package: '@fontsource/noto-sans-sc', family: 'Noto Sans SC' },
] as const

/**
 * Regular and bold only. Static weights, not the variable fonts: Chromium writes variable fonts into a PDF as
 * Type 3 glyph drawings, which copy and search badly (Arabic came out in pieces); static ones embed as real fonts.
 */
const WEIGHTS = [400, 700] as const

/** The CSS font stack for packets: the embedded families in order, then the system's as a last resort. */
export const PACKET_FONT_STACK = [...FAMILIES.map((each) => `'${each.family}'`), 'sans-serif'].join(', ')

type TFontFace = {
  family: string
  weight: number
  file: string
  ranges: readonly (readonly [number, number])[]
}

// Not named `require`: in main's CommonJS bundle that name is the module wrapper's own parameter.
const fontRequire = createRequire(import.meta.url)

function parseRanges(unicodeRange: string): [number, number][] {
  return unicodeRange.split(',').map((part) => {
    const [from, to] = part.trim().replace(/^U\+/i, '').split('-')
    const start = Number.parseInt(from ?? '', 16)
    return [start, to === undefined ? start : Number.parseInt(to, 16)]
  })
}

/** The faces of one Fontsource package, read from its index.css (the one place the ranges are written). */
function facesOf(packageName: string, family: string, weight: number): TFontFace[] {
  const cssPath = fontRequire.resolve(`${packageName}/${weight}.css`)
  const css = readFileSync(cssPath, 'utf8')
  const faces: TFontFace[] = []
  for (const block of css.matchAll(/@font-face\s*{([^}]*)}/g)) {
    const body = block[1] ?? ''
    const file = /url\(\.\/([^)]+\.woff2)\)/.exec(body)?.[1]
    const range = /unicode-range:\s*([^;]+);/.exec(body)?.[1]
    if (file === undefined || range === undefined) continue
    faces.push({ family, weight, file: join(dirname(cssPath), file), ranges: parseRanges(range) })
  }
  if (faces.length === 0) throw new Error(`The font package ${packageName} has no faces; reinstall it.`)
  return faces
}

let allFaces: TFontFace[] | null = null
const fileCache = new Map<string, string>()

const covers = (face: TFontFace, codePoint: number): boolean =>
  face.ranges.some(([start, end]) => codePoint >= start && codePoint <= end)

const base64Of = (file: string): string => {
  let data = fileCache.get(file)
  if (data === undefined) {
    data = readFileSync(file).toString('base64')
    fileCache.set(file, data)
  }
  return data
}

/**
 * The faces that print `text`: for each character, the first family of the stack whose pieces cover it, in both
 * weights (which words are bold is the layout's business).
 */
export function facesFor(text: string): TFontFace[] {
  allFaces ??= FAMILIES.flatMap((each) =>
    WEIGHTS.flatMap((weight) => facesOf(each.package, each.family, weight)),
  )
  const faces = allFaces
  const chosen = new Set<TFontFace>()
  for (const character of new Set(text)) {
    const codePoint = character.codePointAt(0) ?? 0
    if (codePoint < 0x21) continue
    const first = faces.find((candidate) => covers(candidate, codePoint))
    if (first === undefined) continue
    for (const face of faces) {
      if (face.family === first.family && covers(face, codePoint)) chosen.add(face)
    }
  }
  return [...chosen]
}

/** `@font-face` rules with the pieces `text` needs, as data: URLs (no file or network access when printing). */
export function embeddedFontCss(text: string): string {
  return facesFor(text)
    .map((face) => {
      const ranges = face.ranges
        .map(([start, end]) => (start === end ? `U+${hex(start)}` : `U+${hex(start)}-${hex(end)}`))
        .join(',')
      return (
        `@font-face{font-family:'${face.family}';font-style:normal;font-weight:${face.weight};font-display:block;` +
        `src:url(data:font/woff2;base64,${base64Of(face.file)}) format('woff2');unicode-range:${ranges}}`
      )
    })
    .join('\n')
}

const hex = (codePoint: number): string => codePoint.toString(16).toUpperCase()
