/** The survivor intake wizard, the list of the signed-in person's unfinished intakes, and the intake's fields. */
export { IntakePage } from './IntakePage'
export { DraftsList, type TDraftsListProps } from './DraftsList'
export {
  CaseAdversePartyFields,
  CaseContactFields,
  CaseExperienceFields,
  CaseNarrativeFields,
  CaseSummaryFields,
  useCaseFieldLabel,
} from './CaseFileFields'
