// FIELD.md episode 3: a rainstorm over a core district and its neighbours. Rainfall, river and
// drain gauges climb past their thresholds, the district raises the alarm, and flooding and
// landslide cases come in at the known waterlogging and geohazard points; the centres handle
// them through the usual dispatch path. About 45 simulated minutes.
import { CITY_CODE } from '../../shared/domain/units';
import { CORE_DISTRICTS, loadMapData } from '../catalog';
import { squaredDistance, type LngLat } from '../hierarchy';
import type { EpisodeContext } from './episodeContext';

const GAUGES: Record<string, { target: [number, number]; rise: number; hold: number; fall: number }> = {
  'rain-hourly': { target: [35, 65], rise: 600, hold: 1200, fall: 900 },
  'rain-24h': { target: [80, 130], rise: 1800, hold: 900, fall: 1200 },
  'river-level': { target: [4.8, 5.8], rise: 1500, hold: 900, fall: 1500 },
  'drain-level': { target: [2.2, 2.9], rise: 900, hold: 1200, fall: 900 },
};

const CASES: { kind: 'flood' | 'geohazard' | 'traffic'; risk: string; text: string; severity: [number, number] }[] = [
  { kind: 'flood', risk: '易涝点', text: '积水深约40厘米，车辆通行受阻', severity: [2, 3] },
  { kind: 'flood', risk: '易涝点', text: '下穿道积水，有车辆被困', severity: [1, 2] },
  { kind: 'geohazard', risk: '危岩地灾', text: '强降雨引发边坡垮塌', severity: [2, 3] },
  { kind: 'flood', risk: '易涝点', text: '雨水倒灌进入地下车库', severity: [2, 3] },
  { kind: 'traffic', risk: '危岩地灾', text: '落石阻断道路交通', severity: [3, 3] },
  { kind: 'flood', risk: '易涝点', text: '河水上涨漫过堤岸，需转移群众', severity: [2, 2] },
];

export async function rainstormFlood(ctx: EpisodeContext): Promise<void> {
  const { hierarchy, random } = ctx;
  const districts = hierarchy.children(CITY_CODE).filter((d) => hierarchy.children(d.code).length > 0);
  const primary = random.pick(districts.filter((d) => CORE_DISTRICTS.has(d.code)));
  const affected = [...districts]
    .sort((a, b) => squaredDistance(a.centroid, primary.centroid) - squaredDistance(b.centroid, primary.centroid))
    .slice(0, 3)
    .map((d) => d.code);

  for (const indicator of ctx.indicators) {
    const gauge = GAUGES[indicator.metric];
    if (!gauge || !affected.includes(indicator.unit)) continue;
    ctx.sampler.excursion(indicator.id, {
      target: random.range(...gauge.target),
      start: ctx.now() + ctx.realMs(random.range(0, 120)),
      rampUpMs: ctx.realMs(gauge.rise), holdMs: ctx.realMs(gauge.hold), rampDownMs: ctx.realMs(gauge.fall),
    });
  }

  await ctx.sleep(300);
  const warning = await ctx.report('flood', primary.centroid, {
    title: `${primary.name}发布暴雨橙色预警，启动防汛Ⅲ级应急响应`,
    severity: 2,
    source: '气象预警',
    reporter: 'district',
    scripted: true,
  });

  const riskPoints = loadMapData().riskPoints.filter((p) => affected.some((code) => p.unit.startsWith(code)));
  const caseCount = random.int(5, 7);
  for (let n = 0; n < caseCount; n++) {
    await ctx.sleep(random.range(150, 330));
    const story = CASES[n % CASES.length]!;
    const candidates = riskPoints.filter((p) => p.kind === story.risk);
    const point = candidates.length > 0 ? random.pick(candidates) : undefined;
    const location: LngLat = point?.location ?? primary.centroid;
    await ctx.report(story.kind, location, {
      title: `${point?.name ?? primary.name} ${story.text}`,
      severity: random.int(...story.severity),
      source: story.kind === 'geohazard' ? '物联感知' : '视频识别',
      scripted: false,
    });
  }

  // The rain eases; the district lifts the response once the gauges are back down.
  await ctx.sleep(900);
  if (warning) {
    await ctx.updateIncident(primary.code, warning.incidentId, { title: `${warning.title}（已解除）`, severity: 4 });
    await ctx.closeIncident(primary.code, warning.incidentId);
  }
}
