// Tests' reading of a media playlist: what a player takes from it.

/** What a player reads from a media playlist, with discontinuity counters counted as hls.js does. */
export function readMediaPlaylist(text: string) {
  const lines = text.trim().split('\n');
  const tag = (name: string) => lines.find((l) => l.startsWith(`#${name}:`))?.slice(name.length + 2);
  const mediaSequence = Number(tag('EXT-X-MEDIA-SEQUENCE'));
  let cc = Number(tag('EXT-X-DISCONTINUITY-SEQUENCE') ?? 0);
  const segments: { sequence: number; cc: number; pdtMs: number; durationMs: number; uri: string }[] = [];
  let pdtMs = NaN;
  let durationMs = NaN;
  for (const line of lines) {
    if (line === '#EXT-X-DISCONTINUITY') cc++;
    else if (line.startsWith('#EXT-X-PROGRAM-DATE-TIME:')) pdtMs = Date.parse(line.slice(25));
    else if (line.startsWith('#EXTINF:')) durationMs = Math.round(Number.parseFloat(line.slice(8)) * 1000);
    else if (!line.startsWith('#')) segments.push({ sequence: mediaSequence + segments.length, cc, pdtMs, durationMs, uri: line });
  }
  return {
    segments,
    targetDuration: Number(tag('EXT-X-TARGETDURATION')),
    maps: lines.filter((l) => l.startsWith('#EXT-X-MAP:')).length,
    discontinuities: lines.filter((l) => l === '#EXT-X-DISCONTINUITY').length,
    ended: lines.includes('#EXT-X-ENDLIST'),
    vod: lines.includes('#EXT-X-PLAYLIST-TYPE:VOD'),
    startOffset: tag('EXT-X-START'),
  };
}
