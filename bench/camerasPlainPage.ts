// What most web video walls do, for the benchmark to compare against: one `new Hls()` per tile
// with default settings, all started at once, no rendition cap, nothing paused or freed.
// `rebaseDiscontinuities` gives each player the wall's playlist loader and nothing else of the
// wall, to tell what the hub's discontinuity numbering costs apart from the wall's own choices.
import Hls from 'hls.js';
import { rebasingPlaylistLoader } from '../renderer/video/discontinuitySequence';

const players: Hls[] = [];

function start(urls: string[], options: { rebaseDiscontinuities?: boolean } = {}): void {
  const side = Math.ceil(Math.sqrt(urls.length));
  document.body.style.cssText = 'margin:0;background:#000';
  const grid = document.createElement('div');
  grid.style.cssText = `display:grid;grid-template-columns:repeat(${side},1fr);grid-auto-rows:calc(100vh / ${side});gap:2px;width:100vw;height:100vh`;
  document.getElementById('root')?.append(grid);
  for (const url of urls) {
    const video = document.createElement('video');
    video.muted = true;
    video.playsInline = true;
    video.style.cssText = 'width:100%;height:100%;object-fit:contain;min-width:0;min-height:0';
    grid.append(video);
    const hls = new Hls(options.rebaseDiscontinuities ? { pLoader: rebasingPlaylistLoader(Hls.DefaultConfig.loader) } : {});
    hls.loadSource(url);
    hls.attachMedia(video);
    hls.on(Hls.Events.MANIFEST_PARSED, () => void video.play().catch(() => undefined));
    players.push(hls);
  }
}

/** Seconds behind the live edge of each player, in the order of the <video> elements (null: not known yet). */
function secondsBehindLive(): (number | null)[] {
  return players.map((hls) => (hls.latency > 0 ? hls.latency : null));
}

(window as unknown as { plainPlayers: unknown }).plainPlayers = { start, count: () => players.length, secondsBehindLive };
