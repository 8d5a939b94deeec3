import { contract, type TChannelName } from '../../shared/contract'
import { AppError, fail, ok, type TIpcResult } from '../../shared/result'
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
 * The paranoid receiver, shared by Electron's ipcMain and the test/browser bridge: parse the request,
 * check the caller's role, run the handler, and parse the answer against the contract.
 * Never throws; never lets an unexpected error's text (paths, SQL, data) reach the renderer.
 */
export async function dispatch(
  table: THandlerTable,
  channelName: string,
  rawRequest: unknown,
  context: THandlerContext,
): Promise<TIpcResult<unknown>> {
  if (!isChannel(channelName)) return fail('UNKNOWN_CHANNEL', 'This request is not part of the app.')
  const channel = contract[channelName]

  const parsed = channel.request.safeParse(rawRequest)
  if (!parsed.success) return fail('BAD_REQUEST', describeIssues(parsed.error.issues))

  if (channel.access !== 'public') {
    if (context.staff === null) return fail('LOCKED', 'The vault is locked. Unlock it to continue.')
    if (!channel.access.includes(context.staff.role)) {
      return fail('FORBIDDEN', 'Your role does not allow this action.')
    }
  }

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
