// The pure decisions that hold hostile mail instead of retrying it forever: size, attempts, reasons.
import { describe, expect, it } from 'vitest';
import { filingHold, isOversize, mayPrepare, oversizeHold, preparationHold } from '../../../src/pipeline/case/hostile-holds.js';

describe('hostile holds', () => {
  it('holds a message only when it is over the limit', () => {
    expect(isOversize(26_214_400, 26_214_400)).toBe(false);
    expect(isOversize(26_214_401, 26_214_400)).toBe(true);
  });

  it('names the size, the limit and the variable, under the oversize code, and tells officers', () => {
    const held = oversizeHold(30 * 1_048_576, 26_214_400, null);
    expect(held).toMatchObject({ type: 'unreadable', parseOutcome: 'oversize', notifyOfficers: true });
    expect(held.reason).toMatch(/^oversize: the message is 30\.0 MB \(31457280 bytes\), over .*25\.0 MB \(FOI_MAX_MESSAGE_BYTES\)/);
  });

  it('allows attempts up to the limit, counting the one about to start', () => {
    expect([1, 2, 3, 4].map((n) => mayPrepare(n, 3))).toEqual([true, true, true, false]);
  });

  it('says why a message whose reading failed was held: the last error, or the crashes', () => {
    expect(preparationHold(3, 'prepare.deadline: 10 s passed')).toMatchObject({
      parseOutcome: 'held_poison', notifyOfficers: true, reason: 'held_poison: reading this message failed 3 time(s); the last attempt failed: prepare.deadline: 10 s passed',
    });
    expect(preparationHold(3, null).reason).toMatch(/stopped the process .*out of memory/);
    expect(filingHold('invalid byte sequence', '<m@x>')).toMatchObject({ parseOutcome: 'held_poison', messageId: '<m@x>' });
    expect(filingHold('invalid byte sequence', null).reason).toMatch(/^held_poison: the message could not be stored .*invalid byte sequence$/);
  });
});
