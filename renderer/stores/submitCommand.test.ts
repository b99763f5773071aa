import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { FakeBridge } from '../testing/fakeBridge';
import { submitCommand } from './submitCommand';
import { wallStoreInitializer } from './wallStore';
import type { WallStore } from './wallStore';

const dispatch = { type: 'task.dispatch', incidentId: 'inc-1', toUnit: '500103' } as const;

function setup() {
  return { bridge: new FakeBridge(), store: createStore<WallStore>()(wallStoreInitializer) };
}

describe('submitCommand', () => {
  it('stamps a fresh UUID, sends it, and shows main’s outbox entry', async () => {
    const { bridge, store } = setup();
    const result = await submitCommand(bridge, store, dispatch);
    expect(result.ok).toBe(true);
    expect(bridge.submitted[0]).toMatchObject(dispatch);
    expect(bridge.submitted[0]?.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(store.getState().outbox.map((i) => [i.id, i.status])).toEqual([[bridge.submitted[0]?.id, 'sending']]);
  });

  it('refuses an invalid command without sending it, naming the field', async () => {
    const { bridge, store } = setup();
    const result = await submitCommand(bridge, store, { ...dispatch, toUnit: '12' });
    expect(result).toMatchObject({ ok: false, field: 'toUnit' });
    expect(bridge.submitted).toEqual([]);
    expect(store.getState().outbox).toEqual([]);
  });

  it('marks the command rejected when main cannot be reached', async () => {
    const { bridge, store } = setup();
    bridge.submitCommand = () => Promise.reject(new Error('view socket closed'));
    const result = await submitCommand(bridge, store, dispatch);
    expect(result).toMatchObject({ ok: false, message: 'view socket closed' });
    const [item] = store.getState().outbox;
    expect(item?.status).toBe('rejected');
    expect(item?.ack).toMatchObject({ ok: false, error: { message: 'view socket closed' } });
  });
});
