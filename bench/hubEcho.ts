// The baseline for bench:hub: a bare socket.io server that does what the hub's live path does
// (a room per unit, the same fan-out to every unit on the event's chains) and nothing else: no
// authentication, no database, no validation. Forked by bench/hub.ts; reports its port over IPC.
import { createServer } from 'node:http';
import { Server } from 'socket.io';

/** City first … the code itself, by national code prefixes (as the hub's unitChain does). */
function chainOf(code: string): string[] {
  const chain = ['500000'];
  for (const length of [6, 9, 12, 15]) if (code.length >= length && code.slice(0, length) !== '500000') chain.push(code.slice(0, length));
  return chain;
}

const http = createServer();
const io = new Server(http, { transports: ['websocket'], serveClient: false });
let seq = 0;

io.use((socket, next) => (typeof socket.handshake.auth?.unit === 'string' ? next() : next(new Error('unauthorized'))));
io.on('connection', (socket) => {
  void socket.join(`unit:${socket.handshake.auth.unit as string}`);
  socket.on('command', (body: { toUnit: string; incidentUnits: string[]; note: string; incidentId: string }, ack: (a: unknown) => void) => {
    const rooms = new Set([...chainOf(body.toUnit), ...body.incidentUnits.flatMap(chainOf)].map((u) => `unit:${u}`));
    const event = {
      seq: ++seq,
      ts: new Date().toISOString(),
      type: 'task.dispatched',
      taskId: `t${seq}`,
      incidentId: body.incidentId,
      state: 'dispatched',
      by: 'echo',
      fromUnit: '500000',
      toUnit: body.toUnit,
      note: body.note,
    };
    io.to([...rooms]).emit('event', event);
    ack({ ok: true, seq: event.seq, taskId: event.taskId });
  });
});

http.listen(0, '127.0.0.1', () => {
  const address = http.address();
  process.send?.({ type: 'listening', port: typeof address === 'object' && address ? address.port : 0 });
});
process.on('disconnect', () => process.exit(0));
