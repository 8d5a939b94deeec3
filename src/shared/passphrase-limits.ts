/** Shortest passphrase any staff account may have. */
export const MIN_PASSPHRASE_LENGTH = 12
/** Longest passphrase accepted; bounds the work the KDF and the strength check do. */
export const MAX_PASSPHRASE_LENGTH = 1024
