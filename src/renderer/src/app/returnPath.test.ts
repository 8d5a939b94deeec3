import { describe, expect, it } from 'vitest'
import { returnPathOf } from './returnPath'

describe('the page to return to after unlocking', () => {
  it('is the route path the vault locked on, without its query', () => {
    expect(returnPathOf('#/survivors/0b9f2c1e-4d7a-4f43-9a57-2f6a3c1d8e90')).toBe(
      '/survivors/0b9f2c1e-4d7a-4f43-9a57-2f6a3c1d8e90',
    )
    expect(returnPathOf('#/survivors?q=Testperson%20Alpha&status=new')).toBe('/survivors')
    expect(returnPathOf('#/reports')).toBe('/reports')
  })

  it('is nothing for the dashboard, an empty address or something that is not one of our paths', () => {
    expect(returnPathOf('')).toBeNull()
    expect(returnPathOf('#/')).toBeNull()
    expect(returnPathOf('#//evil.example/x')).toBeNull()
    expect(returnPathOf('#/survivors/../admin')).toBeNull()
    expect(returnPathOf('#javascript:alert(1)')).toBeNull()
  })
})
