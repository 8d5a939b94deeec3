import { contract, type TChannelName } from '../../shared/contract'
import { AppError, fail, ok, type TIpcResult } from '../../shared/result'
import { requestShapeProblem } from './request-shape'
import type { THandler, THandlerContext, THandlerTable } from './types'

const isChannel = (name: string): name is TChannelName => Object.hasOwn(contract, name)

/** Turns zod's issues into one readable line per field, without echoing the rejected values. */
function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues
    .map((issue) =>
      issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ${issue.message}` : issue.message,
    )
    .join('; ')
}

/**
 * The paranoid receiver, shared by Electron's ipcMain and the test/browser bridge: check the caller's role (before
 * looking at what they sent), check the request's shape, parse it, run the handler, and parse the answer against
 * the contract. Never throws; never lets an unexpected error's text (paths, SQL, data) reach the renderer.
 */
export async function dispatch(
  table: THandlerTable,
  channelName: string,
  rawRequest: unknown,
  context: THandlerContext,
): Promise<TIpcResult<unknown>> {
  if (!isChannel(channelName)) return fail('UNKNOWN_CHANNEL', 'This request is not part of the app.')
  const channel = contract[channelName]

  // Who may call comes first: a caller without the role learns nothing from how their request was judged.
  if (channel.access !== 'public') {
    if (context.staff === null) return fail('LOCKED', 'The vault is locked. Unlock it to continue.')
    if (!channel.access.includes(context.staff.role)) {
      return fail('FORBIDDEN', 'Your role does not allow this action.')
    }
    if (context.staff.mustChangePassphrase === true && channel.isOpenBeforeOwnPassphrase !== true) {
      return fail(
        'PASSPHRASE_CHANGE_REQUIRED',
        'Your passphrase was chosen by an admin. Choose your own passphrase before doing anything else.',
      )
    }
  }

  const problem = requestShapeProblem(rawRequest)
  if (problem !== null) return fail('BAD_REQUEST', problem)
  let parsed: ReturnType<typeof channel.request.safeParse>
  try {
    parsed = channel.request.safeParse(rawRequest)
  } catch {
    return fail('BAD_REQUEST', 'The request could not be read.')
  }
  if (!parsed.success) return fail('BAD_REQUEST', describeIssues(parsed.error.issues))

  try {
    const handler = table[channelName] as THandler<TChannelName>
    const value = await handler(parsed.data as never, context)
    const answer = channel.response.safeParse(value)
    if (!answer.success)
      return fail('INTERNAL', 'The app produced an answer it cannot send. Nothing was shown.')
    return ok(answer.data)
  } catch (error) {
    if (error instanceof AppError) return fail(error.code, error.message, error.details)
    return fail('INTERNAL', 'Something went wrong inside the app and the request did not complete.')
  }
}
