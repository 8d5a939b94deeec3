import { describe, expect, it } from 'vitest'
import { packetTexts } from '../packets/packet-texts'
import { formatProblem, IMPORT_PROBLEM_CODES } from '../roster/import-problems'
import { desktopCatalogs } from './desktop-messages'
import { flattenTexts, frenchTypographyProblems } from './french-typography'

/** A problem of each kind with every parameter filled, so every branch of its wording is printed. */
const importProblems = (): Array<[string, string]> =>
  IMPORT_PROBLEM_CODES.map((code) => [
    `import.${code}`,
    formatProblem(
      { row: 4, column: 'practice_areas', code, params: { value: 'x', limit: 10, max: 5, min: 1, line: 2 } },
      'fr',
    ),
  ])

describe('the French that main and the admin CLI print themselves', () => {
  it('menus and native dialogs, packets and letters, import problems: curly apostrophes, French spacing, inclusive roles', () => {
    const texts = [
      ...flattenTexts(desktopCatalogs.fr, 'desktop'),
      ...flattenTexts(packetTexts('fr'), 'packet'),
      ...importProblems(),
    ]
    expect(texts.length).toBeGreaterThan(100)
    expect(frenchTypographyProblems(texts)).toEqual([])
  })

  it('the check itself catches each rule', () => {
    expect(
      frenchTypographyProblems([
        ['a', "l'accueil"],
        ['b', 'Ouvrir le lien?'],
        ['c', 'Nom: {name}'],
        ['d', 'Votre intervenant au CCJI'],
        ['e', 'Votre intervenant·e au CCJI\u00a0: {{name}}\u202f?'],
        ['f', 'Choisissez «\u00a0CSV\u00a0», pas "CSV" ni “CSV”'],
        ['g', 'Les avocat·e·s et les étudiant(e)s'],
        ['h', 'Demandeur d’asile'],
        ['i', 'Retour aux survivants'],
        ['j', 'Les personnes survivantes, les avocat·es actif·ves, le ou la demandeur·euse d’asile'],
        ['k', 'Trousse d’orientation du CCIJ'],
        ['l', 'Trousse d’aiguillage CCIJ-2026-0042 du CCJI, imprimée par CCIJ Caseworker'],
      ]).map((problem) => `${problem.key}:${problem.rule}`),
    ).toEqual([
      'a:apostrophe',
      'b:spacing',
      'c:spacing',
      'd:role',
      'f:quotes',
      'g:inclusive',
      'h:inclusive',
      'i:inclusive',
      'k:vocabulary',
    ])
  })
})
