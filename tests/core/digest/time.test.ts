import { describe, expect, it } from 'vitest';
import { addDays, canonicalTimeZone, dayWindow, localDateTime, parseTime, zonedTimeToUtc } from '../../../src/core/digest/time.js';

describe('local time in IANA zones', () => {
  it.each([
    ['Europe/Paris', '2024-03-30', '08:00:00.000Z'],
    ['Europe/Paris', '2024-03-31', '07:00:00.000Z'],
    ['Europe/Paris', '2024-10-26', '07:00:00.000Z'],
    ['Europe/Paris', '2024-10-27', '08:00:00.000Z'],
    ['America/New_York', '2024-03-09', '14:00:00.000Z'],
    ['America/New_York', '2024-03-10', '13:00:00.000Z'],
    ['America/New_York', '2024-11-02', '13:00:00.000Z'],
    ['America/New_York', '2024-11-03', '14:00:00.000Z'],
    ['UTC', '2024-03-31', '09:00:00.000Z'],
  ])('puts 09:00 in %s on %s at %s UTC', (zone, day, utc) => {
    const instant = zonedTimeToUtc(day, '09:00', zone);
    expect(instant.toISOString()).toBe(`${day}T${utc}`);
    expect(localDateTime(instant, zone)).toEqual({ day, time: '09:00' });
  });

  it('moves a time skipped by spring-forward ahead by the gap, and takes the first of a repeated one', () => {
    expect(zonedTimeToUtc('2024-03-31', '02:30', 'Europe/Paris').toISOString()).toBe('2024-03-31T01:30:00.000Z');
    expect(zonedTimeToUtc('2024-10-27', '02:30', 'Europe/Paris').toISOString()).toBe('2024-10-27T00:30:00.000Z');
    expect(zonedTimeToUtc('2024-11-03', '01:30', 'America/New_York').toISOString()).toBe('2024-11-03T05:30:00.000Z');
  });

  it('gives a 23-hour and a 25-hour local day around the changes', () => {
    const hours = (day: string, zone: string) => {
      const w = dayWindow(day, zone);
      return (w.to.getTime() - w.from.getTime()) / 3_600_000;
    };
    expect(hours('2024-03-31', 'Europe/Paris')).toBe(23);
    expect(hours('2024-10-27', 'Europe/Paris')).toBe(25);
    expect(hours('2024-03-10', 'America/New_York')).toBe(23);
    expect(hours('2024-06-01', 'Asia/Kolkata')).toBe(24);
  });

  it('finds the local day across the date line', () => {
    expect(localDateTime(new Date('2024-03-31T23:30:00Z'), 'Asia/Tokyo')).toEqual({ day: '2024-04-01', time: '08:30' });
    expect(localDateTime(new Date('2024-04-01T02:00:00Z'), 'America/Los_Angeles')).toEqual({ day: '2024-03-31', time: '19:00' });
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-01-01', -1)).toBe('2023-12-31');
  });
});

describe('parsing', () => {
  it.each([['8:30', '08:30'], ['08:30', '08:30'], ['23:59', '23:59'], ['0:00', '00:00']])('reads %s as %s', (text, time) => {
    expect(parseTime(text)).toBe(time);
  });

  it.each(['25:00', '12:60', '9am', '0830', '08:3', '', '-1:00'])('refuses %j as a time', (text) => {
    expect(parseTime(text)).toBeUndefined();
  });

  it('canonicalises IANA names and refuses unknown ones and offsets', () => {
    expect(canonicalTimeZone('europe/paris')).toBe('Europe/Paris');
    expect(canonicalTimeZone('UTC')).toBe('UTC');
    expect(canonicalTimeZone('America/New_York')).toBe('America/New_York');
    for (const bad of ['Mars/Olympus', '+01:00', 'Paris', '', 'Europe/Paris; drop']) expect(canonicalTimeZone(bad)).toBeUndefined();
  });
});
