import { describe, expect, it } from 'vitest'
import { CHANNEL_NAMES, contract, type TChannelName } from '../../src/shared/contract'
import { ROLES, type TRole } from '../../src/shared/roles'
import { dispatch } from '../../src/main/ipc/dispatch'
import type { THandlerContext, THandlerTable } from '../../src/main/ipc/types'
import { CHANNEL_SAMPLES } from '#test-support/channel-samples'

/**
 * Who may call what, at the IPC boundary: every gated channel against every role it does not list, with a request
 * that passes the channel's schema, so only the role check can refuse it. The handlers record their calls, so
 * "refused" also means "the handler never ran".
 */

type TCall = { channel: TChannelName; request: unknown; context: THandlerContext }

function recordingTable(): { table: THandlerTable; calls: TCall[] } {
  const calls: TCall[] = []
  const table = Object.fromEntries(
    CHANNEL_NAMES.map((channel) => [
      channel,
      (request: unknown, context: THandlerContext) => {
        calls.push({ channel, request, context })
        return undefined
      },
    ]),
  ) as unknown as THandlerTable
  return { table, calls }
}

const staffIn = (role: TRole) => ({
  accountId: `account-${role}`,
  username: `${role}.example`,
  displayName: `Sample ${role}`,
  role,
})

const gated = CHANNEL_NAMES.flatMap((channel) => {
  const { access } = contract[channel]
  return access === 'public'
    ? []
    : [{ channel, allowed: access, outsiders: ROLES.filter((role) => !access.includes(role)) }]
})
const publicChannels = CHANNEL_NAMES.filter((channel) => contract[channel].access === 'public')
const refusals = gated.flatMap(({ channel, outsiders }) => outsiders.map((role) => ({ channel, role })))
const admissions = gated.flatMap(({ channel, allowed }) => allowed.map((role) => ({ channel, role })))

describe('the samples the access table sends', () => {
  it('pass their channel’s request schema, one per channel', () => {
    expect(Object.keys(CHANNEL_SAMPLES).sort()).toEqual([...CHANNEL_NAMES].sort())
    for (const channel of CHANNEL_NAMES) {
      const parsed = contract[channel].request.safeParse(CHANNEL_SAMPLES[channel])
      expect(parsed.success, `${channel}: ${parsed.error?.message ?? ''}`).toBe(true)
    }
  })

  it('cover every role outside every gated channel (the table is not empty)', () => {
    // admin-only channels turn away caseworkers and viewers; case channels turn away viewers.
    expect(refusals.filter(({ role }) => role === 'viewer').length).toBe(
      gated.filter(({ allowed }) => !allowed.includes('viewer')).length,
    )
    expect(refusals.some(({ role }) => role === 'caseworker')).toBe(true)
    expect(refusals.length).toBeGreaterThanOrEqual(30)
  })
})

describe('dispatch checks the role before any handler runs', () => {
  it.each(refusals)('$channel refuses a $role with exactly FORBIDDEN', async ({ channel, role }) => {
    const { table, calls } = recordingTable()
    const result = await dispatch(table, channel, CHANNEL_SAMPLES[channel], { staff: staffIn(role) })
    expect(result).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: expect.any(String) } })
    expect(calls).toEqual([])
  })

  it.each(gated)('$channel answers exactly LOCKED when no one is signed in', async ({ channel }) => {
    const { table, calls } = recordingTable()
    const result = await dispatch(table, channel, CHANNEL_SAMPLES[channel], { staff: null })
    expect(result).toEqual({ ok: false, error: { code: 'LOCKED', message: expect.any(String) } })
    expect(calls).toEqual([])
  })

  it.each(admissions)(
    '$channel lets a $role reach its handler with the parsed request',
    async ({ channel, role }) => {
      const { table, calls } = recordingTable()
      const context = { staff: staffIn(role) }
      await dispatch(table, channel, CHANNEL_SAMPLES[channel], context)
      expect(calls).toEqual([
        { channel, request: contract[channel].request.parse(CHANNEL_SAMPLES[channel]), context },
      ])
    },
  )

  it.each(publicChannels)('%s is open while locked and reaches its handler', async (channel) => {
    const { table, calls } = recordingTable()
    await dispatch(table, channel, CHANNEL_SAMPLES[channel], { staff: null })
    expect(calls.map((call) => call.channel)).toEqual([channel])
  })

  it('refuses a role the app does not know, even on a channel open to every role', async () => {
    const { table, calls } = recordingTable()
    const stranger = { ...staffIn('viewer'), role: 'superuser' as TRole }
    const result = await dispatch(table, 'app:activity', {}, { staff: stranger })
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(calls).toEqual([])
  })
})

describe('dispatch holds someone signed in with an admin-chosen passphrase to changing it', () => {
  const pending = (role: TRole) => ({ ...staffIn(role), mustChangePassphrase: true })
  const held = admissions.filter(({ channel }) => contract[channel].isOpenBeforeOwnPassphrase !== true)
  const open = admissions.filter(({ channel }) => contract[channel].isOpenBeforeOwnPassphrase === true)

  it('leaves open only changing it, locking and staying awake', () => {
    expect([...new Set(open.map(({ channel }) => channel))].sort()).toEqual([
      'app:activity',
      'vault:changePassphrase',
      'vault:lock',
    ])
  })

  it.each(held)(
    '$channel refuses a $role who must change their passphrase with exactly PASSPHRASE_CHANGE_REQUIRED',
    async ({ channel, role }) => {
      const { table, calls } = recordingTable()
      const result = await dispatch(table, channel, CHANNEL_SAMPLES[channel], { staff: pending(role) })
      expect(result).toEqual({
        ok: false,
        error: { code: 'PASSPHRASE_CHANGE_REQUIRED', message: expect.any(String) },
      })
      expect(calls).toEqual([])
    },
  )

  it.each(open)(
    '$channel still reaches its handler for a $role who must change',
    async ({ channel, role }) => {
      const { table, calls } = recordingTable()
      await dispatch(table, channel, CHANNEL_SAMPLES[channel], { staff: pending(role) })
      expect(calls.map((call) => call.channel)).toEqual([channel])
    },
  )

  it.each(refusals)(
    '$channel still answers FORBIDDEN first to a $role outside it',
    async ({ channel, role }) => {
      const { table } = recordingTable()
      const result = await dispatch(table, channel, CHANNEL_SAMPLES[channel], { staff: pending(role) })
      expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    },
  )
})
