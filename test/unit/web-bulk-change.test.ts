import { describe, expect, it, vi } from 'vitest';
import { createAction } from '../../web/src/ui/action.js';
import { createBulkChange, createSelection } from '../../web/src/ui/selection.js';

describe('web ui kit: createAction().attempt', () => {
  it('says whether a write succeeded and keeps the error of one that failed', async () => {
    const action = createAction();
    expect(await action.attempt(async () => 'ignored')).toBe(true);
    expect(action.error()).toBeNull();
    const refused = new Error('409');
    expect(
      await action.attempt(async () => {
        throw refused;
      }),
    ).toBe(false);
    expect(action.error()).toBe(refused);
    expect(action.busy()).toBe(false);
  });
});

describe('web ui kit: createBulkChange', () => {
  const setup = () => {
    const selection = createSelection();
    const reload = vi.fn();
    const bulk = createBulkChange({ noun: { vi: 'nội dung', en: 'items' }, selection, blank: { status: '', due: '' }, reload });
    return { selection, reload, bulk };
  };

  it('sends the selected records still on the page with the versions shown', () => {
    const { selection, bulk } = setup();
    selection.set(3, true);
    selection.set(1, true);
    selection.set(9, true); // no longer on the page
    expect(
      bulk.versions([
        { no: 1, version: 4 },
        { no: 2, version: 1 },
        { no: 3, version: 7 },
      ]),
    ).toEqual([
      { no: 1, version: 4 },
      { no: 3, version: 7 },
    ]);
  });

  it('after a change: says how many changed, clears the selection and the fields, reads the list again', async () => {
    const { selection, reload, bulk } = setup();
    selection.set(1, true);
    bulk.setFields('status', 'done');
    await bulk.send(async () => ({ changed: 1 }));
    expect(bulk.done()).toBe('đã cập nhật 1 nội dung');
    expect(selection.size()).toBe(0);
    expect(bulk.fields).toEqual({ status: '', due: '' });
    expect(reload).toHaveBeenCalledOnce();
  });

  it('after a refusal: keeps the selection and the fields, shows the error', async () => {
    const { selection, reload, bulk } = setup();
    selection.set(1, true);
    bulk.setFields('status', 'done');
    await bulk.send(async () => {
      throw new Error('changed meanwhile');
    });
    expect(bulk.done()).toBe('');
    expect(selection.size()).toBe(1);
    expect(bulk.fields.status).toBe('done');
    expect(bulk.action.error()).toBeInstanceOf(Error);
    expect(reload).not.toHaveBeenCalled();
  });
});
