/**
 * The rekey's crash points, in the order rekey.ts reaches them (`keeper.step(…)`): rekey.test.ts checks a rekey
 * reports exactly these, in this order, and interrupted-work.test.ts crashes at each one. Written out here, not read
 * from rekey.ts, so a step renamed, dropped or moved there fails rekey.test.ts instead of quietly changing the list
 * the crash tests walk.
 */
export const REKEY_STEPS = [
  'rekey:start',
  'rekey:vault-copied',
  'rekey:vault-rekeyed',
  'rekey:casework-copied',
  'rekey:casework-rekeyed',
  'rekey:ready',
  'rekey:switched',
  'rekey:cleaned',
] as const
