import { existsSync, readFileSync, statSync } from 'node:fs'
import { dirname } from 'node:path'
import { AppError } from '../shared/result'
import { UsageError } from './usage-error'

/** A file that exists and is not larger than `maxBytes`, or a clear refusal before anything is read. */
export function requireCsvFile(file: string, maxBytes: number): void {
  if (!existsSync(file) || !statSync(file).isFile())
    throw new AppError('NOT_FOUND', `There is no file ${file}.`)
  if (statSync(file).size > maxBytes) {
    throw new AppError('BAD_REQUEST', `${file} is larger than ${maxBytes / 1_000_000} MB; split it.`)
  }
}

/** The file as text. Not UTF-8 shows up as replacement characters, which the readers report with their line. */
export function readCsvFile(file: string, maxBytes: number): string {
  requireCsvFile(file, maxBytes)
  return new TextDecoder('utf-8').decode(readFileSync(file))
}

/** An export never replaces a file unless asked (--force), and needs its folder to exist. */
export function refuseExistingOut(out: string, force: boolean): void {
  if (existsSync(out) && !force) throw new UsageError(`${out} already exists. Add --force to replace it.`)
  if (!existsSync(dirname(out))) throw new AppError('NOT_FOUND', `There is no folder ${dirname(out)}.`)
}
