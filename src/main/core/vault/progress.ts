/** How far a long operation (backup, restore, rekey) has got, for a progress bar. */
export type TProgress = { bytesDone: number; bytesTotal: number }
export type TProgressListener = (progress: TProgress) => void
