// Several hub nodes sharing one PostgreSQL database and one Redis: Socket.IO's Redis adapter
// carries room broadcasts, and each node tells the others what it committed (`hub:events`), so
// every node's feed delivers every event in seq order to its own sockets. A missed notice is
// healed by a periodic read of the database.
import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';
import type { Server } from 'socket.io';
import type { HubEvent } from '../../shared/protocol/events';
import type { EventFeed } from './eventFeed';

const PEER_EVENTS = 'hub:events';
const HEAL_INTERVAL_MS = 1000;

export async function joinCluster(io: Server, feed: EventFeed, redisUrl: string, log: (m: string) => void): Promise<{ close(): Promise<void> }> {
  const pub = createClient({ url: redisUrl });
  const sub = pub.duplicate();
  pub.on('error', (e: Error) => log(`redis: ${e.message}`));
  sub.on('error', (e: Error) => log(`redis: ${e.message}`));
  await Promise.all([pub.connect(), sub.connect()]);
  io.adapter(createAdapter(pub, sub));
  io.on(PEER_EVENTS, (events: HubEvent[]) => feed.publishRemote(events));
  feed.relay = (events) => io.serverSideEmit(PEER_EVENTS, events);
  const heal = setInterval(() => void feed.catchUp().catch(() => undefined), HEAL_INTERVAL_MS);
  heal.unref();
  return {
    async close() {
      clearInterval(heal);
      feed.relay = undefined;
      await Promise.allSettled([pub.quit(), sub.quit()]);
    },
  };
}
