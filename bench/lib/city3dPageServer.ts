// Bundles bench/city3dPage.ts (esbuild, production React, as bench:cameras does its pages) and
// serves it with the building lists over loopback HTTP, the lists as the hub's
// `/api/v1/map/buildings` would send them (one BuildingList JSON body each).
import { build } from 'esbuild';
import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const PAGE = `<!doctype html>
<html lang="zh-CN"><head><meta charset="UTF-8" /><link rel="icon" href="data:," /><title>city3d</title></head>
<body><script type="module" src="./page.js"></script></body></html>`;

export interface City3dPageServer {
  url: string;
  /** Where the list of `count` buildings is served. */
  dataUrl(count: number): string;
  close(): Promise<void>;
}

export async function startCity3dPageServer(lists: ReadonlyMap<number, string>): Promise<City3dPageServer> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bench-city3d-'));
  await build({
    absWorkingDir: ROOT,
    entryPoints: { page: 'bench/city3dPage.ts' },
    outdir: dir,
    bundle: true,
    format: 'esm',
    target: 'chrome120',
    jsx: 'automatic',
    minify: true,
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
  const script = await fs.readFile(path.join(dir, 'page.js'));
  await fs.rm(dir, { recursive: true, force: true });
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const data = /^\/data\/(\d+)\.json$/.exec(url.pathname);
    if (url.pathname === '/' || url.pathname === '/index.html') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
    } else if (url.pathname === '/page.js') {
      response.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    } else if (data && lists.has(Number(data[1]))) {
      response.writeHead(200, { 'content-type': 'application/json' }).end(lists.get(Number(data[1])));
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return {
    url,
    dataUrl: (count) => `${url}data/${count}.json`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
