import { describe, expect, expectTypeOf, it } from 'vitest'
import {
  isLostSessionReason,
  isUnauthenticatedReason,
  LOST_SESSION_REASONS,
  UNAUTHENTICATED_REASONS,
  type LostSessionReason,
  type TokenFailureReason,
  type UnauthenticatedReason,
} from './reasons'

describe('the reason lists, derived from one record', () => {
  it('lists every reason once, and the lost ones in the same order', () => {
    expect(UNAUTHENTICATED_REASONS).toEqual(['missing', 'expired', 'invalid', 'revoked'])
    expect(LOST_SESSION_REASONS).toEqual(['expired', 'invalid', 'revoked'])
  })

  it('types match the lists: the lost and token subsets are subsets of the union', () => {
    expectTypeOf<LostSessionReason>().toEqualTypeOf<'expired' | 'invalid' | 'revoked'>()
    expectTypeOf<TokenFailureReason>().toEqualTypeOf<'missing' | 'expired' | 'invalid'>()
    expectTypeOf(UNAUTHENTICATED_REASONS).toEqualTypeOf<ReadonlyArray<UnauthenticatedReason>>()
    expectTypeOf(LOST_SESSION_REASONS).toEqualTypeOf<ReadonlyArray<LostSessionReason>>()
  })
})

describe('isUnauthenticatedReason', () => {
  it.each(UNAUTHENTICATED_REASONS)('accepts %s', (reason) => {
    expect(isUnauthenticatedReason(reason)).toBe(true)
  })

  it.each<[string, unknown]>([
    ['signed-out', 'signed-out'],
    ['empty string', ''],
    ['null', null],
    ['number 0', 0],
    // An inherited key of a plain object is no reason (was possible with an `in` check).
    ['toString', 'toString'],
  ])('refuses %s', (_label, value) => {
    expect(isUnauthenticatedReason(value)).toBe(false)
  })
})

describe('isLostSessionReason', () => {
  it('refuses unknown `?reason=` values ("hacked", "", null)', () => {
    expect(isLostSessionReason('expired')).toBe(true)
    expect(isLostSessionReason('hacked')).toBe(false)
    expect(isLostSessionReason('')).toBe(false)
    expect(isLostSessionReason(null)).toBe(false)
  })

  it('refuses `missing` and `signed-out`: neither is a lost session (no toast, no ?reason=)', () => {
    expect(isLostSessionReason('missing')).toBe(false)
    expect(isLostSessionReason('signed-out')).toBe(false)
  })
})
