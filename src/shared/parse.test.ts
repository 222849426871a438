import { describe, expect, it } from 'vitest'
import { isRecord, parseIsoInstant } from './parse'

describe('parseIsoInstant', () => {
  it.each([
    ['2030-01-01T00:00:00.000Z', Date.UTC(2030, 0, 1)],
    ['2030-01-01T00:00:00Z', Date.UTC(2030, 0, 1)],
    ['2030-01-01T01:00:00+01:00', Date.UTC(2030, 0, 1)],
    ['2029-12-31T19:00:00.000-05:00', Date.UTC(2030, 0, 1)],
    ['2028-02-29T12:00:00Z', Date.UTC(2028, 1, 29, 12)],
    ['9999-12-31T23:00:00-05:00', Date.UTC(10_000, 0, 1, 4)],
    ['0000-01-01T00:30:00+01:00', -62_167_221_000_000], // 23:30 on the last day of year -1, UTC
  ])('reads %s', (value, epochMs) => {
    expect(parseIsoInstant(value)).toBe(epochMs)
  })

  it('reads 0000-02-29 (year 0 is a leap year; was refused: Date.UTC reads year 0 as 1900)', () => {
    const epochMs = parseIsoInstant('0000-02-29T00:00:00Z')
    expect(epochMs).toBe(-62_162_121_600_000) // 62,162,121,600 s before 1970
    expect(new Date(epochMs ?? Number.NaN).toISOString()).toBe('0000-02-29T00:00:00.000Z')
  })

  it('reads what toISOString() writes (the server side of the contract)', () => {
    const now = Date.UTC(2030, 5, 15, 8, 30, 12, 345)
    expect(parseIsoInstant(new Date(now).toISOString())).toBe(now)
  })

  it.each([
    ['"1" (Date.parse: the year 2001)', '1'],
    ['"hello 5" (Date.parse: a day in May)', 'hello 5'],
    ['"2030-01-01" (a date, not an instant)', '2030-01-01'],
    ['"2030-01-01T00:00:00" (no zone: local or UTC depends on the reader)', '2030-01-01T00:00:00'],
    ['"2030-01-01 00:00:00Z" (space instead of T)', '2030-01-01 00:00:00Z'],
    ['"2030-02-31T00:00:00Z" (Date.parse rolls it into March)', '2030-02-31T00:00:00Z'],
    ['"2029-02-29T00:00:00Z" (not a leap year)', '2029-02-29T00:00:00Z'],
    [
      '"0100-02-29T00:00:00Z" (year 100 is no leap year; Date.parse rolls it over)',
      '0100-02-29T00:00:00Z',
    ],
    ['"0000-02-30T00:00:00Z" (February of year 0 has 29 days)', '0000-02-30T00:00:00Z'],
    ['"2030-13-01T00:00:00Z" (month 13)', '2030-13-01T00:00:00Z'],
    ['"2030-01-01T24:00:00Z" (hour 24)', '2030-01-01T24:00:00Z'],
    ['"2030-00-10T00:00:00Z" (month 0)', '2030-00-10T00:00:00Z'],
    ['"2030-01-00T00:00:00Z" (day 0)', '2030-01-00T00:00:00Z'],
    ['"2030-01-01T00:60:00Z" (minute 60)', '2030-01-01T00:60:00Z'],
    ['"2030-01-01T00:00:60Z" (second 60)', '2030-01-01T00:00:60Z'],
    ['"2030-01-01T00:00:00+24:00" (offset 24 h)', '2030-01-01T00:00:00+24:00'],
    ['"2030-01-01T00:00:00+01:60" (offset minute 60)', '2030-01-01T00:00:00+01:60'],
    ['"2030-01-01T00:00:00.5Z" (one-digit milliseconds)', '2030-01-01T00:00:00.5Z'],
    ['"2030-01-01T00:00:00+0100" (offset without colon)', '2030-01-01T00:00:00+0100'],
    ['"Tue, 01 Jan 2030 00:00:00 GMT" (an HTTP date)', 'Tue, 01 Jan 2030 00:00:00 GMT'],
    ['" 2030-01-01T00:00:00Z" (leading space)', ' 2030-01-01T00:00:00Z'],
    ['"" (empty)', ''],
  ])('refuses %s', (_label, value) => {
    expect(parseIsoInstant(value)).toBeNull()
  })
})

describe('isRecord', () => {
  it('accepts a plain object, refuses null, an array and a string', () => {
    expect(isRecord({ type: 'signed-out' })).toBe(true)
    expect(isRecord(null)).toBe(false)
    expect(isRecord([])).toBe(false)
    expect(isRecord('signed-out')).toBe(false)
  })
})
