import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../src/clock.js';
import { Countdown, clockFace, formatDuration, parseDuration } from '../../src/domain/countdown.js';

describe('Countdown', () => {
  it('counts active time down and overtime up', () => {
    const clock = new FakeClock();
    const cd = new Countdown(clock, { plannedSeconds: 120 });
    expect(cd.remainingMs()).toBe(120_000);
    clock.advance(30_000);
    expect(cd.remainingMs()).toBe(90_000);
    expect(cd.progress()).toBe(0.25);
    clock.advance(100_000);
    expect(cd.isOvertime()).toBe(true);
    expect(cd.overtimeMs()).toBe(10_000);
    expect(cd.snapshot()).toEqual({ plannedSeconds: 120, elapsedSeconds: 130, pausedSeconds: 0, overtimeSeconds: 10 });
  });

  it('does not count paused time, but records it', () => {
    const clock = new FakeClock();
    const cd = new Countdown(clock, { plannedSeconds: 60 });
    clock.advance(10_000);
    expect(cd.pause()).toBe(true);
    expect(cd.pause()).toBe(false);
    clock.advance(45_000);
    expect(cd.remainingMs()).toBe(50_000);
    expect(cd.pausedMs()).toBe(45_000);
    expect(cd.resume()).toBe(45_000);
    expect(cd.resume()).toBe(0);
    clock.advance(5_000);
    expect(cd.snapshot()).toEqual({ plannedSeconds: 60, elapsedSeconds: 15, pausedSeconds: 45, overtimeSeconds: 0 });
  });

  it('ignores wall-clock jumps (NTP, a suspended laptop)', () => {
    const clock = new FakeClock();
    const cd = new Countdown(clock, { plannedSeconds: 300 });
    clock.jumpWall(3_600_000);
    expect(cd.remainingMs()).toBe(300_000);
  });

  it('adds and removes minutes, never below zero', () => {
    const clock = new FakeClock();
    const cd = new Countdown(clock, { plannedSeconds: 90 });
    expect(cd.adjust(60)).toBe(60);
    expect(cd.plannedSeconds).toBe(150);
    expect(cd.adjust(-60)).toBe(-60);
    expect(cd.adjust(-60)).toBe(-60);
    expect(cd.adjust(-60)).toBe(-30);
    expect(cd.plannedSeconds).toBe(0);
    expect(cd.adjust(-60)).toBe(0);
  });

  it('gives the soft signal at one minute and the clear one at zero, each exactly once', () => {
    const clock = new FakeClock();
    const cd = new Countdown(clock, { plannedSeconds: 180 });
    const seen: string[] = [];
    for (let i = 0; i < 4 * 250; i++) {
      clock.advance(250);
      seen.push(...cd.poll().map((s) => `${s}@${clock.monotonic() / 1000}`));
    }
    expect(seen).toEqual(['soon@120', 'zero@180']);
  });

  it('gives only the clear signal when both moments pass at once', () => {
    const clock = new FakeClock();
    const cd = new Countdown(clock, { plannedSeconds: 120 });
    clock.advance(200_000);
    expect(cd.poll()).toEqual(['zero']);
    expect(cd.poll()).toEqual([]);
  });

  it('has no soft signal for a phase shorter than a minute', () => {
    const clock = new FakeClock();
    const cd = new Countdown(clock, { plannedSeconds: 3 });
    expect(cd.poll()).toEqual([]);
    clock.advance(3000);
    expect(cd.poll()).toEqual(['zero']);
  });

  it('arms a signal again when a minute is added after it sounded', () => {
    const clock = new FakeClock();
    const cd = new Countdown(clock, { plannedSeconds: 90 });
    clock.advance(40_000);
    expect(cd.poll()).toEqual(['soon']);
    cd.adjust(60);
    clock.advance(30_000);
    expect(cd.poll()).toEqual([]);
    clock.advance(30_000);
    expect(cd.poll()).toEqual(['soon']);
    clock.advance(60_000);
    expect(cd.poll()).toEqual(['zero']);
    cd.adjust(-60);
    expect(cd.poll()).toEqual([]);
  });

  it('resumes from persisted figures without repeating signals already given', () => {
    const clock = new FakeClock();
    const resumed = new Countdown(clock, { plannedSeconds: 600, elapsedSeconds: 570, pausedSeconds: 20 });
    expect(resumed.remainingMs()).toBe(30_000);
    expect(resumed.pausedMs()).toBe(20_000);
    expect(resumed.poll()).toEqual([]);
    clock.advance(30_000);
    expect(resumed.poll()).toEqual(['zero']);
    const late = new Countdown(clock, { plannedSeconds: 600, elapsedSeconds: 700 });
    expect(late.poll()).toEqual([]);
    expect(late.overtimeMs()).toBe(100_000);
  });
});

describe('clock face and durations', () => {
  it('rounds the countdown up and overtime down', () => {
    expect(clockFace(61_000)).toEqual({ text: '1:01', overtime: false });
    expect(clockFace(500)).toEqual({ text: '0:01', overtime: false });
    expect(clockFace(0)).toEqual({ text: '0:00', overtime: false });
    expect(clockFace(-65_900)).toEqual({ text: '+1:05', overtime: true });
    expect(clockFace(4_500_000)).toEqual({ text: '1:15:00', overtime: false });
    expect(formatDuration(59)).toBe('0:59');
  });

  it('parses the durations people type', () => {
    expect(parseDuration('5m')).toBe(300);
    expect(parseDuration('90s')).toBe(90);
    expect(parseDuration('1h15m')).toBe(4500);
    expect(parseDuration('1h')).toBe(3600);
    expect(parseDuration('1H15M30S')).toBe(4530);
    expect(parseDuration('1:30')).toBe(90);
    expect(parseDuration('1:15:00')).toBe(4500);
    for (const bad of ['', '5', 'm', '5 minutes', '1:75', '-5m', '1.5m', 'h', '1m1h']) expect(parseDuration(bad)).toBeNull();
  });
});
