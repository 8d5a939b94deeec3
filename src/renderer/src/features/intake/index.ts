/** The survivor intake wizard, and the list of the signed-in person's unfinished intakes. */
export { IntakePage } from './IntakePage'
export { DraftsList, type TDraftsListProps } from './DraftsList'
