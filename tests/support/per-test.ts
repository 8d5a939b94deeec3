/**
 * Helpers for vitest suites (not for the bench or child processes: they import vitest).
 */
import { afterEach, beforeEach } from 'vitest'
import { AppError } from '../../src/shared/result'
import { makeTempFolder, removeFolder } from './temp-folder'

/** A fresh temp folder for every test of the suite, removed after it; call the result for its path. */
export function tempFolderPerTest(prefix?: string): () => string {
  let folder = ''
  beforeEach(() => {
    folder = makeTempFolder(prefix)
  })
  afterEach(() => removeFolder(folder))
  return () => folder
}

/** The AppError code `run` throws (sync), or null when it does not throw; anything else is named as not an AppError. */
export function codeOf(run: () => unknown): string | null {
  try {
    run()
    return null
  } catch (error) {
    return describeError(error)
  }
}

/** The details of the AppError `run` throws (which field, which row), or undefined when it throws none. */
export function detailsOf(run: () => unknown): unknown {
  try {
    run()
  } catch (error) {
    if (error instanceof AppError) return error.details
  }
  return undefined
}

/** The same for work that may be async: a promise, or a function returning one. */
export async function codeOfAsync(work: Promise<unknown> | (() => unknown)): Promise<string | null> {
  try {
    await (typeof work === 'function' ? work() : work)
    return null
  } catch (error) {
    return describeError(error)
  }
}

const describeError = (error: unknown): string =>
  error instanceof AppError ? error.code : `not an AppError: ${String(error)}`
