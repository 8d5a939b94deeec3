import type { TPacketTexts } from '../../../shared/packets/packet-texts'
import type { TPacketModel, TPacketOrganization, TPacketParty } from './packet-model'

/*
 * One self-contained HTML document per packet: print CSS for Letter and A4, a running footer (packet ID, date,
 * page X of Y) in the @page margin boxes, and the fonts as data: URLs. No script, no external resource, so it
 * prints the same in Electron's offscreen window and in system Chromium.
 */

/** Embeds the fonts a text needs (`packet-fonts.ts`); a parameter so the layout stays pure and testable. */
export type TFontEmbedder = (text: string) => string

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}
export const escapeHtml = (value: string): string => value.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c)

/** A CSS string literal: only for the @page footer, whose content cannot come from the document. */
const cssString = (value: string): string =>
  `"${value.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[\n\r\f]/g, ' ')}"`

/** Names and values in any script: `dir="auto"` lets Arabic-script text run right to left inside an English line. */
const bidi = (value: string): string => `<bdi dir="auto">${escapeHtml(value)}</bdi>`

export const formatPacketDate = (date: string, language: TPacketModel['language']): string =>
  new Intl.DateTimeFormat(language === 'fr' ? 'fr-CA' : 'en-CA', {
    dateStyle: 'long',
    timeZone: 'UTC',
  }).format(new Date(`${date}T00:00:00Z`))

function party(label: string, who: TPacketParty): string {
  const lines = who.lines.map((line) => `<div>${bidi(line)}</div>`).join('')
  return `<div class="party"><div class="label">${escapeHtml(label)}</div><div class="party-name">${bidi(who.name)}</div>${lines}</div>`
}

function details(model: TPacketModel, texts: TPacketTexts): string {
  if (model.details.length === 0) return `<p class="muted">${escapeHtml(texts.noDetails)}</p>`
  const rows = model.details
    .map(
      ({ field, lines }) =>
        `<tr><th scope="row">${escapeHtml(texts.field[field])}</th><td>${lines
          .map((line) => `<div>${bidi(line)}</div>`)
          .join('')}</td></tr>`,
    )
    .join('')
  return `<h2>${escapeHtml(texts.survivorDetails)}</h2><table class="details">${rows}</table>`
}

function organization(each: TPacketOrganization, texts: TPacketTexts): string {
  const where = each.national ? texts.nationalOrganization : each.provinces.join(', ')
  const facts = [
    where,
    each.languages.length > 0 ? `${texts.languagesSpoken}${texts.colon}${each.languages.join(', ')}` : '',
    each.phone !== '' ? `${texts.phone}${texts.colon}${each.phone}` : '',
    each.website !== '' ? `${texts.website}${texts.colon}${each.website}` : '',
  ].filter((fact) => fact !== '')
  return `<li><strong>${bidi(each.name)}</strong><div class="muted">${facts.map(escapeHtml).join(' · ')}</div></li>`
}

function organizationList(
  organizations: readonly TPacketOrganization[],
  heading: string,
  note: string,
  texts: TPacketTexts,
): string {
  if (organizations.length === 0) return ''
  return (
    `<h2>${escapeHtml(heading)}</h2><p class="muted">${escapeHtml(note)}</p>` +
    `<ul class="organizations">${organizations.map((each) => organization(each, texts)).join('')}</ul>`
  )
}

function survivorSections(model: TPacketModel, texts: TPacketTexts): string {
  // Version-1 texts had one list under one heading: a reprint of such a packet keeps it.
  const organizations =
    texts.otherOrganizationsHeading === undefined || texts.otherOrganizationsNote === undefined
      ? organizationList(
          [...model.organizations, ...model.otherOrganizations],
          texts.organizationsHeading,
          texts.organizationsNote,
          texts,
        )
      : organizationList(model.organizations, texts.organizationsHeading, texts.organizationsNote, texts) +
        organizationList(
          model.otherOrganizations,
          texts.otherOrganizationsHeading,
          texts.otherOrganizationsNote,
          texts,
        )
  const resources =
    model.resources.length === 0
      ? ''
      : `<h2>${escapeHtml(texts.resourcesHeading)}</h2><ul>${model.resources
          .map((each) => `<li>${bidi(each.title)}<div class="muted link">${escapeHtml(each.url)}</div></li>`)
          .join('')}</ul>`
  const bring = `<h2>${escapeHtml(texts.bringHeading)}</h2><ul>${texts.bring
    .map((line) => `<li>${escapeHtml(line)}</li>`)
    .join('')}</ul>`
  return `<p>${escapeHtml(texts.survivorIntro)}</p>${details(model, texts)}${organizations}${bring}${resources}`
}

function body(model: TPacketModel, texts: TPacketTexts): string {
  switch (model.kind) {
    case 'survivor':
      return survivorSections(model, texts)
    case 'mp':
      return `${model.letter.map((paragraph) => `<p>${bidi(paragraph)}</p>`).join('')}${details(model, texts)}`
    case 'lawyer': {
      const conflict = model.conflictCleared ? texts.lawyerConflictCleared : texts.lawyerConflictPending
      return `<p>${escapeHtml(texts.lawyerIntro)}</p><p class="notice">${escapeHtml(conflict)}</p>${details(model, texts)}`
    }
    case 'organization':
      return `<p>${escapeHtml(texts.organizationIntro)}</p>${details(model, texts)}`
  }
}

function pageCss(model: TPacketModel, texts: TPacketTexts, fontStack: string): string {
  const size = model.pageSize === 'a4' ? 'A4' : 'letter'
  const date = formatPacketDate(model.date, model.language)
  const confidential = model.kind === 'lawyer' || model.kind === 'organization'
  return `
@page { size: ${size}; margin: 18mm 18mm 22mm;
  font-family: ${fontStack}; font-size: 8.5pt; color: #444;
  @bottom-left { content: ${cssString(`${texts.footerPacket} ${model.packetId}`)}; }
  @bottom-center { content: ${cssString(date)}; }
  @bottom-right { content: ${cssString(`${texts.footerPage} `)} counter(page) ${cssString(` ${texts.footerOf} `)} counter(pages); }
  ${confidential ? `@top-right { content: ${cssString(texts.confidential.toUpperCase())}; font-weight: 700; color: #8a1c1c; }` : ''}
}
html { font-family: ${fontStack}; font-size: 10.5pt; line-height: 1.45; color: #111; }
body { margin: 0; }
header.letterhead { display: flex; justify-content: space-between; align-items: baseline; border-bottom: 2px solid #1d3b5c; padding-bottom: 6pt; margin-bottom: 12pt; }
.org { font-weight: 700; font-size: 12pt; color: #1d3b5c; }
.meta { text-align: right; font-size: 9pt; }
.confidential { font-weight: 700; color: #8a1c1c; letter-spacing: 0.08em; }
h1 { font-size: 16pt; margin: 0 0 10pt; }
h2 { font-size: 12pt; margin: 14pt 0 6pt; color: #1d3b5c; break-after: avoid; }
.parties { display: flex; gap: 24pt; margin-bottom: 12pt; }
.party { flex: 1; }
.label { font-size: 8.5pt; text-transform: uppercase; letter-spacing: 0.06em; color: #555; }
.party-name { font-weight: 700; }
table.details { width: 100%; border-collapse: collapse; }
table.details th, table.details td { text-align: start; vertical-align: top; padding: 4pt 6pt; border-bottom: 1px solid #ccc; }
table.details th { width: 32%; font-weight: 700; }
tr, li { break-inside: avoid; }
.muted { color: #444; font-size: 9.5pt; }
.link { overflow-wrap: anywhere; }
.notice { border-left: 3px solid #1d3b5c; padding-left: 8pt; }
.disclaimer { margin-top: 18pt; padding: 6pt 8pt; border: 1px solid #999; font-size: 9pt; break-inside: avoid; }
`
}

/** The packet as one HTML document. Pure: the same model, texts and fonts give the same bytes. */
export function renderPacketHtml(
  model: TPacketModel,
  texts: TPacketTexts,
  embedFonts: TFontEmbedder,
  fontStack: string,
): string {
  const confidential = model.kind === 'lawyer' || model.kind === 'organization'
  const date = formatPacketDate(model.date, model.language)
  const recipientLabel = model.kind === 'mp' ? texts.mpRecipientLabel : texts.to
  const main =
    `<header class="letterhead"><div class="org">${escapeHtml(texts.organization)}</div>` +
    `<div class="meta">${confidential ? `<div class="confidential">${escapeHtml(texts.confidential)}</div>` : ''}` +
    `<div>${escapeHtml(texts.date + texts.colon)}${escapeHtml(date)}</div><div>${escapeHtml(texts.reference + texts.colon)}${escapeHtml(model.reference)}</div></div></header>` +
    `<h1>${escapeHtml(texts.title[model.kind])}</h1>` +
    `<div class="parties">${party(recipientLabel, model.recipient)}${party(model.kind === 'survivor' ? texts.caseworker : texts.from, model.sender)}</div>` +
    body(model, texts) +
    (model.kind === 'survivor'
      ? ''
      : `<p>${escapeHtml(texts.contactUs)}</p><p>${escapeHtml(texts.closing)}<br>${bidi(model.sender.name)}</p>`) +
    `<p class="disclaimer">${escapeHtml(texts.disclaimer)}</p>`
  const css = pageCss(model, texts, fontStack)
  const fonts = embedFonts(`${main}${css}${texts.footerPacket}${model.packetId}${date}0123456789`)
  return (
    `<!doctype html><html lang="${model.language === 'fr' ? 'fr-CA' : 'en-CA'}"><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; font-src data:">` +
    `<title>${escapeHtml(texts.title[model.kind])} · ${escapeHtml(model.packetId)}</title>` +
    `<style>${fonts}\n${css}</style></head><body>${main}</body></html>`
  )
}
