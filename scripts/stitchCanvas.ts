// The screenshot scripts' one way to picture a wall: every display's page side by side, as the
// hall sees the canvas (a seam between displays shows as one).
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';

export async function saveCanvas(browser: Browser, walls: Page[], file: string, root: string): Promise<void> {
  const shots = await Promise.all(walls.map((p) => p.screenshot()));
  const context = await browser.newContext({ viewport: { width: 1920 * walls.length, height: 1080 } });
  const stitch = await context.newPage();
  const images = shots.map((png) => `<img src="data:image/png;base64,${png.toString('base64')}" style="display:block;width:1920px;height:1080px">`).join('');
  await stitch.setContent(`<body style="margin:0;display:flex;background:#000">${images}</body>`);
  await stitch.waitForFunction(() => [...document.images].every((img) => img.complete));
  await stitch.screenshot({ path: file });
  await context.close();
  console.log(`saved ${path.relative(root, file)}`);
}
