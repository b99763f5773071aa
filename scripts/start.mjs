// `npm start`: the embedded hub, the wall core, and its views, in one command.
// Electron when its binary is installed; otherwise the browser shell (views as Chromium pages).
//   WALL_HUB_URL   use this hub instead of starting the embedded one on 127.0.0.1:7700
//   WALL_USERNAME / WALL_PASSWORD   the wall's hub account (default city-duty / demo)
//   WALL_PROFILE   JSON file listing the wall's displays
//   WALL_DATA_DIR  the wall's outbox and journal (default .data/wall)
//   WALL_SHELL_PORT  browser shell: its HTTP port (default 7701; a free one if taken)
//   WALL_OPEN_WINDOWS=0   browser shell: serve the views but open no Chromium windows
import { spawn } from 'node:child_process';
import path from 'node:path';
import { register } from 'tsx/esm/api';
import { buildElectron, buildRenderer, projectRoot, rendererIsStale } from './build.mjs';

register();
const inRoot = (...parts) => path.join(projectRoot, ...parts);
const say = (line) => console.log(`[start] ${line}`);
const closers = [];

async function main() {
  if (rendererIsStale()) {
    say('building the views (dist/renderer is missing or older than its sources)…');
    await buildRenderer();
  }

  let hubUrl = process.env.WALL_HUB_URL;
  if (!hubUrl) {
    const { startHub } = await import('../hub/server.ts');
    const hub = await startHub({ host: '127.0.0.1', port: 7700, dataDir: inRoot('.data/hub'), demo: true, simulator: true, seed: Number(process.env.WALL_SEED ?? 1) });
    closers.unshift(() => hub.close());
    hubUrl = hub.url;
  }
  const wallEnv = {
    ...process.env,
    WALL_HUB_URL: hubUrl,
    WALL_USERNAME: process.env.WALL_USERNAME ?? 'city-duty',
    WALL_PASSWORD: process.env.WALL_PASSWORD ?? 'demo',
    WALL_DATA_DIR: process.env.WALL_DATA_DIR ?? inRoot('.data/wall'),
  };

  const { findElectronBinary } = await import('../main/electron/electronBinary.ts');
  const electronBinary = findElectronBinary(projectRoot);
  const banner = [`hub        ${hubUrl}${process.env.WALL_HUB_URL ? ' (external)' : ' (embedded, demo data, simulator on)'}`,
    `wall user  ${wallEnv.WALL_USERNAME}; demo accounts all use the password "demo"`];

  if (electronBinary) {
    say('building the Electron main process and preload…');
    await buildElectron();
    const child = spawn(electronBinary, [projectRoot], { stdio: 'inherit', env: wallEnv });
    closers.unshift(() => new Promise((resolve) => (child.exitCode !== null ? resolve() : (child.once('exit', resolve), child.kill('SIGTERM')))));
    child.on('exit', (code) => {
      say(`Electron exited (${code ?? 'signal'})`);
      void shutdown(code ?? 0);
    });
    printBanner([...banner, `shell      Electron (${electronBinary})`]);
    return;
  }

  const { createWallCore, loadWallConfig } = await import('../main/core/index.ts');
  const { startBrowserShell } = await import('../main/browser-shell/browserShell.ts');
  const { profileDisplays, readWallProfile } = await import('../main/core/viewServing/wallDisplays.ts');
  const config = loadWallConfig(wallEnv);
  const core = createWallCore(config);
  await core.start();
  closers.unshift(() => core.stop());
  const openWindows = process.env.WALL_OPEN_WINDOWS !== '0';
  const headless = !process.env.DISPLAY;
  say(`browser shell: no Electron binary found; ${openWindows ? `views open in Chromium${headless ? ' (headless: no DISPLAY)' : ''}` : 'views are served for any browser to open'}`);
  const shellOptions = {
    core,
    hubUrl,
    port: Number(process.env.WALL_SHELL_PORT ?? 7701),
    rendererDir: inRoot('dist/renderer'),
    displays: profileDisplays(readWallProfile(process.env.WALL_PROFILE)),
    openWindows,
    headless,
    ...(config.mediaOrigins ? { mediaOrigins: config.mediaOrigins } : {}),
  };
  const shell = await startBrowserShell(shellOptions).catch((error) => {
    if (error?.code !== 'EADDRINUSE') throw error;
    say(`port ${shellOptions.port} is taken; the browser shell takes a free one`);
    return startBrowserShell({ ...shellOptions, port: 0 });
  });
  closers.unshift(() => shell.close());
  printBanner([
    ...banner,
    `shell      browser shell${openWindows ? `, Chromium ${headless ? 'headless' : 'windows'}` : ', no windows opened'}`,
    // Printed without a view id: a page opened by hand gets its own, beside the shell's windows.
    ...shell.views.map((v) => `view       ${v.viewId.padEnd(10)} ${shell.viewUrl(v.role, v.displayId).replace(/&view=[^&]*/, '')}`),
  ]);
}

function printBanner(lines) {
  const width = Math.max(...lines.map((l) => l.length));
  console.log(`\n  Command Wall\n  ${'─'.repeat(width)}\n${lines.map((l) => `  ${l}`).join('\n')}\n  ${'─'.repeat(width)}\n  Ctrl-C stops everything.\n`);
}

let shuttingDown = false;
async function shutdown(code) {
  if (shuttingDown) return;
  shuttingDown = true;
  for (const close of closers) {
    try {
      await close();
    } catch (error) {
      console.error('[start] while stopping:', error);
    }
  }
  process.exit(code);
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (shuttingDown) process.exit(130); // a second Ctrl-C does not wait
    say('stopping…');
    void shutdown(0);
  });
}

main().catch((error) => {
  console.error('[start] failed:', error);
  void shutdown(1);
});
