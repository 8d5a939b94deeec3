import { z } from 'zod'
import { packetTexts } from './packet-texts'
import type { TPacketLanguage } from './vocabulary'

/*
 * The letter to a Member of Parliament is a template CCIJ admins edit, in English and in French: paragraphs
 * separated by a blank line, with placeholders in braces that the packet fills in. A template with a placeholder
 * the packet cannot fill, or a brace left open, is refused with where and why, so a broken letter never prints.
 */

/** What a letter may say in braces: the MP's name, the caseworker preparing it, the case reference. */
export const LETTER_PLACEHOLDERS = ['mp', 'caseworker', 'reference'] as const
export type TLetterPlaceholder = (typeof LETTER_PLACEHOLDERS)[number]

export const LETTER_LIMITS = { maxChars: 8000, maxParagraphs: 20, maxParagraphChars: 2000 } as const

export type TLetterProblem =
  | { problem: 'empty' }
  | { problem: 'too_many_paragraphs'; max: number }
  | { problem: 'paragraph_too_long'; paragraph: number; max: number }
  | { problem: 'unknown_placeholder'; paragraph: number; placeholder: string }
  | { problem: 'unclosed_brace'; paragraph: number }

/** The letter's paragraphs: split at blank lines, lines within a paragraph joined by a space. */
export const letterParagraphs = (body: string): string[] =>
  body
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((paragraph) =>
      paragraph
        .split('\n')
        .map((line) => line.trim())
        .join(' ')
        .trim(),
    )
    .filter((paragraph) => paragraph !== '')

/** Everything wrong with a template, paragraph numbers from 1; empty when it can print. */
export function letterProblems(body: string): TLetterProblem[] {
  const paragraphs = letterParagraphs(body)
  if (paragraphs.length === 0) return [{ problem: 'empty' }]
  const problems: TLetterProblem[] = []
  if (paragraphs.length > LETTER_LIMITS.maxParagraphs)
    problems.push({ problem: 'too_many_paragraphs', max: LETTER_LIMITS.maxParagraphs })
  paragraphs.forEach((text, index) => {
    const paragraph = index + 1
    if (text.length > LETTER_LIMITS.maxParagraphChars)
      problems.push({ problem: 'paragraph_too_long', paragraph, max: LETTER_LIMITS.maxParagraphChars })
    // Whatever is in braces must be a placeholder; a brace with no partner is a typo that would print as is.
    const withoutPlaceholders = text.replace(/\{([^{}]*)\}/g, (_match, name: string) => {
      if (!(LETTER_PLACEHOLDERS as readonly string[]).includes(name))
        problems.push({ problem: 'unknown_placeholder', paragraph, placeholder: `{${name}}` })
      return ''
    })
    if (/[{}]/.test(withoutPlaceholders)) problems.push({ problem: 'unclosed_brace', paragraph })
  })
  return problems
}

/** The problems in words (English: main's error message and the CLI); the screen words them in its own language. */
export function describeLetterProblem(problem: TLetterProblem): string {
  switch (problem.problem) {
    case 'empty':
      return 'The letter is empty.'
    case 'too_many_paragraphs':
      return `The letter has more than ${problem.max} paragraphs.`
    case 'paragraph_too_long':
      return `Paragraph ${problem.paragraph} is longer than ${problem.max} characters.`
    case 'unknown_placeholder':
      return `Paragraph ${problem.paragraph}: ${problem.placeholder} is not a placeholder the packet can fill (use ${LETTER_PLACEHOLDERS.map((name) => `{${name}}`).join(', ')}).`
    case 'unclosed_brace':
      return `Paragraph ${problem.paragraph} has a brace with no partner: write placeholders as {mp}.`
  }
}

/** The letter CCIJ ships with (version 1), until an admin saves another. */
export const defaultLetterBody = (language: TPacketLanguage): string =>
  // The shipped letter is the letter's version 1 for good: its words come from the texts' version 1, so a later
  // version of the texts cannot change an MP letter printed before it.
  packetTexts(language, 1).mpLetter.join('\n\n')

/** A template as an admin saves it. */
export const ZLetterTemplateBodySchema = z.string().max(LETTER_LIMITS.maxChars)
