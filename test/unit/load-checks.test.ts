import { describe, expect, it } from 'vitest';
import { type CreateRecord, duplicateCreates, type ItemLog, type ItemState, lostUpdates, percentile, sameCounters } from '../../bench/load-checks.js';

/** The load run's judgements must fail on the faults they are there to find. */
const state = (version: number, progress: number, status = progress === 100 ? 'done' : 'in_progress'): ItemState => ({ version, progress, status });
const log = (accepted: ItemState[], sent = accepted.length, answered = sent): ItemLog => ({ sent, answered, accepted, conflicts: answered - accepted.length });

describe('load checks: lost updates', () => {
  const initial = new Map([['A#1', 2]]);
  it('passes racing writes that each got their own version, the item showing the last one', () => {
    const logs = new Map([['A#1', log([state(3, 30), state(4, 100), state(5, 60)], 7)]]);
    expect(lostUpdates(logs, initial, new Map([['A#1', state(5, 60)]]))).toEqual([]);
  });
  it('finds two accepted writes on one version (one overwrote the other)', () => {
    const logs = new Map([['A#1', log([state(3, 30), state(3, 60)])]]);
    expect(lostUpdates(logs, initial, new Map([['A#1', state(3, 60)]]))).toEqual([
      'A#1: two accepted updates got the same version',
      'A#1: 2 accepted (+0 cut off), version moved by 1',
      'A#1: shows v3 60% in_progress, last accepted v3 30% in_progress',
    ]);
  });
  it('finds an accepted write the item does not show', () => {
    const logs = new Map([['A#1', log([state(3, 30), state(4, 100)])]]);
    expect(lostUpdates(logs, initial, new Map([['A#1', state(4, 30)]]))).toEqual(['A#1: shows v4 30% in_progress, last accepted v4 100% done']);
  });
  it('allows the writes the end of the run cut off, and no more', () => {
    const cut = new Map([['A#1', log([state(3, 30)], 3, 1)]]);
    expect(lostUpdates(cut, initial, new Map([['A#1', state(5, 0, 'not_started')]]))).toEqual([]);
    expect(lostUpdates(cut, initial, new Map([['A#1', state(6, 0, 'not_started')]]))).toEqual(['A#1: 1 accepted (+2 cut off), version moved by 4']);
    expect(lostUpdates(cut, initial, new Map())).toEqual(['A#1: not readable after the run']);
  });
});

describe('load checks: duplicates from retried creates', () => {
  const ok: CreateRecord = { first: { status: 201, id: 'x' }, retry: { status: 201, id: 'x', replayed: true } };
  it('counts replayed retries and finds none when each key made one agreement', () => {
    const creates = new Map([
      ['k1', ok],
      ['k2', { first: { status: 201, id: 'y' } }],
    ]);
    expect(
      duplicateCreates(
        creates,
        new Map([
          ['k1', 1],
          ['k2', 1],
        ]),
      ),
    ).toEqual({ duplicates: [], retriesReplayed: 1 });
  });
  it('finds a retry that made a second agreement, one not marked replayed, and two stored for a key', () => {
    const creates = new Map<string, CreateRecord>([
      ['k1', { first: { status: 201, id: 'x' }, retry: { status: 201, id: 'z', replayed: false } }],
      ['k2', { first: { status: 201, id: 'y' }, retry: { status: 201, id: 'y', replayed: false } }],
    ]);
    expect(
      duplicateCreates(
        creates,
        new Map([
          ['k1', 2],
          ['k2', 1],
          ['k3', 2],
        ]),
      ).duplicates,
    ).toEqual(['k1: the retry made z, the first x', 'k2: the retry was not marked replayed', 'k1: 2 agreements', 'k3: 2 agreements']);
  });
});

describe('load checks: counters and percentiles', () => {
  it('compares counters without zeros and key order', () => {
    expect(sameCounters({ 'agr.total': 2, 'item.open': 0 }, { 'agr.total': 2 })).toBe(true);
    expect(sameCounters({ 'agr.total': 2, 'item.done': 1 }, { 'item.done': 1, 'agr.total': 2 })).toBe(true);
    expect(sameCounters({ 'agr.total': 2 }, { 'agr.total': 3 })).toBe(false);
    expect(sameCounters({ 'agr.total': 2, 'item.done': 1 }, { 'agr.total': 2 })).toBe(false);
  });
  it('takes the nearest-rank percentile', () => {
    const v = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(v, 50)).toBe(50);
    expect(percentile(v, 99)).toBe(99);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBe(0);
  });
});
