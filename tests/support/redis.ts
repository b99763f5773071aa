// A throwaway in-memory Redis for one test file: no persistence, a free loopback port.
import { spawn, execFileSync } from 'node:child_process';
import net from 'node:net';
import { freePort, waitUntil } from './ports';

export interface RedisServer {
  url: string;
  stop(): Promise<void>;
}

/** Why Redis tests cannot run here, or null when they can. */
export function redisMissing(): string | null {
  try {
    execFileSync('redis-server', ['--version'], { stdio: 'ignore' });
    return null;
  } catch {
    return 'redis-server is not on PATH';
  }
}

function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.setTimeout(500, () => { socket.destroy(); resolve(false); });
    socket.on('error', () => resolve(false));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (data) => { socket.destroy(); resolve(data.toString().startsWith('+PONG')); });
  });
}

export async function startRedis(): Promise<RedisServer> {
  const missing = redisMissing();
  if (missing) throw new Error(missing);
  const port = await freePort();
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: 'ignore',
  });
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  await waitUntil(() => answersPing(port), `redis-server on port ${port}`, 10_000);
  return {
    url: `redis://127.0.0.1:${port}`,
    async stop() {
      process.off('exit', killOnExit);
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
