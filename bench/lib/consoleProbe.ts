// What bench:dispatch records inside a console page, on the page's own clock
// (performance.timeOrigin + performance.now(), epoch ms): every click on a dispatch button or
// confirm (a capturing listener, so before the app handles it), the first appearance of each
// `[data-task-id]` element and the animation frame that draws it, and each outbox row
// (`[data-command-id]`) with the moment its `data-status` settled.
import type { Page } from 'playwright-core';
import type { CommandRow, ShownTask } from './dispatchSamples';

export const DISPATCH_BUTTON = '[data-testid="dispatch-button"]';
export const DISPATCH_CONFIRM = '[data-testid="dispatch-confirm"]';

export interface ProbeClick {
  testId: string;
  incidentId: string | null;
  at: number;
}

export interface ProbeReading {
  clicks: ProbeClick[];
  tasks: Record<string, ShownTask>;
  commands: Record<string, Omit<CommandRow, 'id'>>;
}

// A string, not a function: tsx compiles functions with name helpers that do not exist in the page.
const INSTALL = `(() => {
  if (window.__dispatchProbe) return;
  const clock = () => performance.timeOrigin + performance.now();
  const probe = { clicks: [], tasks: {}, commands: {} };
  window.__dispatchProbe = probe;
  addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target.closest('${DISPATCH_BUTTON}, ${DISPATCH_CONFIRM}') : null;
    if (!target) return;
    const row = target.closest('[data-incident-id]');
    probe.clicks.push({ testId: target.getAttribute('data-testid'), incidentId: row ? row.getAttribute('data-incident-id') : null, at: clock() });
  }, true);
  // Tasks already drawn are not ours: they count as seen before the probe.
  for (const el of document.querySelectorAll('[data-task-id]')) probe.tasks[el.getAttribute('data-task-id')] = { inserted: 0, frame: 0 };
  let awaitingFrame = [];
  const noteTask = (el, now) => {
    const id = el.getAttribute('data-task-id');
    if (!id || id in probe.tasks) return;
    probe.tasks[id] = { inserted: now, frame: null };
    awaitingFrame.push(id);
  };
  const noteCommand = (el, now) => {
    const id = el.getAttribute('data-command-id');
    if (!id) return;
    const row = probe.commands[id] || (probe.commands[id] = { seen: now, status: null, settled: null });
    const status = el.getAttribute('data-status');
    if (status === row.status) return;
    row.status = status;
    if (row.settled === null && (status === 'acknowledged' || status === 'rejected')) row.settled = now;
  };
  const note = (el, now) => {
    if (el.hasAttribute('data-task-id')) noteTask(el, now);
    if (el.hasAttribute('data-command-id')) noteCommand(el, now);
  };
  new MutationObserver((records) => {
    const now = clock();
    for (const record of records) {
      if (record.type === 'attributes') {
        note(record.target, now);
        continue;
      }
      for (const node of record.addedNodes) {
        if (node.nodeType !== 1) continue;
        note(node, now);
        for (const el of node.querySelectorAll('[data-task-id], [data-command-id]')) note(el, now);
      }
    }
    if (awaitingFrame.length === 0) return;
    const ids = awaitingFrame;
    awaitingFrame = [];
    requestAnimationFrame(() => {
      const at = clock();
      for (const id of ids) probe.tasks[id].frame = at;
    });
  }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-task-id', 'data-command-id', 'data-status'] });
})()`;

export async function installProbe(page: Page): Promise<void> {
  await page.evaluate(INSTALL);
}

export function readProbe(page: Page): Promise<ProbeReading> {
  return page.evaluate('window.__dispatchProbe') as Promise<ProbeReading>;
}

/** How many clicks on elements with `testId` the probe has seen. */
export async function clickCount(page: Page, testId: string): Promise<number> {
  return (await page.evaluate(`window.__dispatchProbe.clicks.filter((c) => c.testId === ${JSON.stringify(testId)}).length`)) as number;
}

/** The click on `testId` after the first `seen` ones (the one just made); waits for it briefly. */
export async function clickAfter(page: Page, testId: string, seen: number, timeoutMs = 5_000): Promise<ProbeClick> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const click = (await page.evaluate(`window.__dispatchProbe.clicks.filter((c) => c.testId === ${JSON.stringify(testId)})[${seen}] ?? null`)) as ProbeClick | null;
    if (click) return click;
    if (Date.now() > deadline) throw new Error(`the page saw no click on ${testId} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
