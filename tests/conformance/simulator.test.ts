// With the simulator on, events flow and every one of them keeps the contract.
import { afterAll, expect, it } from 'vitest';
import { HubEvent } from '../../shared/protocol/events';
import { IndicatorList } from '../../shared/protocol/indicators';
import { CameraList } from '../../shared/protocol/cameras';
import { describeEachBackend, useHub } from '../support/backends';
import { connectClient, schemaRejections } from '../support/client';
import { fetchAllEvents, http } from '../support/hub';
import { USERS } from './fixtures';

afterAll(() => expect(schemaRejections).toEqual([]));

describeEachBackend('simulator', (backend) => {
  const fx = useHub(backend, { simulator: true, seed: 7 });

  it('streams valid events in seq order, indicator samples among them', async () => {
    const token = await fx.token(USERS.city);
    const client = await connectClient(fx.hub.url, token, { since: 0 });
    try {
      await client.waitFor((e) => e.type === 'indicator.samples', 15_000, 'indicator.samples');
      const firstCount = client.events.length;
      await client.waitFor((_e) => client.events.length > firstCount, 15_000, 'more events after the first samples');
      const seqs = client.events.map((e) => e.seq);
      for (let i = 1; i < seqs.length; i++) expect(seqs[i]!).toBeGreaterThan(seqs[i - 1]!);

      const indicatorIds = new Set(IndicatorList.parse((await http(fx.hub.url, '/api/v1/indicators', { token })).body).map((i) => i.id));
      const samples = client.events.flatMap((e) => (e.type === 'indicator.samples' ? e.samples : []));
      expect(samples.length).toBeGreaterThan(0);
      for (const sample of samples) {
        expect(indicatorIds.has(sample.id), sample.id).toBe(true);
        expect(Number.isFinite(sample.value)).toBe(true);
        expect(Number.isNaN(Date.parse(sample.at))).toBe(false);
      }
      const cameraIds = new Set(CameraList.parse((await http(fx.hub.url, '/api/v1/cameras', { token })).body).map((c) => c.id));
      for (const event of client.events) {
        if (event.type === 'camera.status') expect(cameraIds.has(event.cameraId), event.cameraId).toBe(true);
      }

      // History holds the same events, and each one validates.
      const history = await fetchAllEvents(fx.hub.url, token, 0);
      for (const event of history) HubEvent.parse(event);
      const historySeqs = new Set(history.map((e) => e.seq));
      for (const seq of seqs) expect(historySeqs.has(seq), `seq ${seq} in history`).toBe(true);
    } finally {
      client.close();
    }
  }, 40_000);
});
