// FIELD.md episode 2 (巴渝治水): a section's fluoride rises 0.11× over target; within 10 seconds
// the system predicts the plume and narrows 891 enterprises to 17 suspects; the district sends
// the street to check them; the discharge is stopped and the water recovers. The real two days
// are compressed into about 55 simulated minutes.
import type { EpisodeContext } from './episodeContext';

export async function riverFluoride(ctx: EpisodeContext): Promise<void> {
  const { hierarchy, random } = ctx;
  const sections = ctx.indicators.filter((i) => i.metric === 'fluoride' && hierarchy.children(i.unit).length > 0);
  const mainRivers = sections.filter((i) => i.river === '长江' || i.river === '嘉陵江');
  const section = random.pick(mainRivers.length > 0 ? mainRivers : sections);
  const district = section.unit;
  const place = random.pick(hierarchy.children(district)).centroid;
  const street = hierarchy.locate(place)[2];
  if (!street) return;

  // 1.0 mg/L is the target (Class III water); the sensor reads 0.11× over it.
  const over = section.thresholds.alarm * 1.11;
  const rise = 180, hold = 2400, recover = 600;
  ctx.sampler.excursion(section.id, {
    target: over, start: ctx.now(), rampUpMs: ctx.realMs(rise), holdMs: ctx.realMs(hold), rampDownMs: ctx.realMs(recover),
  });
  await ctx.sleep(rise);

  const sectionName = section.name.split(' ')[1] ?? section.name;
  const reported = await ctx.report('pollution', place, {
    title: `${sectionName}氟化物超标0.11倍`,
    severity: 2,
    source: '水质自动监测站',
    reporter: 'district',
    scripted: true,
  });
  if (!reported) return;
  const { incidentId } = reported;
  await ctx.sleep(10);
  const reach = section.river === '长江' ? '下游出境断面' : '长江干流';
  await ctx.updateIncident(district, incidentId, {
    title: `${reported.title}：预测污染团7日后08:20抵达${reach}，已从891家企业中锁定17家疑似排污企业`,
  });

  await ctx.sleep(60);
  const taskId = await ctx.dispatch(district, incidentId, street, '按可能性排序排查17家疑似企业（已短信通知区生态环境局）');
  if (taskId) {
    await ctx.sleep(90);
    await ctx.act(street, taskId, { type: 'task.accept', taskId });
    await ctx.sleep(1200);
    await ctx.act(street, taskId, { type: 'task.arrive', taskId });
    await ctx.sleep(900);
    await ctx.act(street, taskId, { type: 'task.feedback', taskId, text: '已锁定排污企业，责令立即停产整改并封堵排污口' });
  }
  // Wait for the water to recover, then confirm and close.
  await ctx.sleep(Math.max(0, rise + hold + recover - (180 + 10 + 60 + 90 + 1200 + 900)));
  if (taskId) {
    await ctx.act(street, taskId, { type: 'task.feedback', taskId, text: `复测氟化物浓度${section.baseline.toFixed(2)}mg/L，已恢复达标` });
    await ctx.sleep(120);
    await ctx.act(district, taskId, { type: 'task.close', taskId });
    await ctx.sleep(60);
    await ctx.act(district, taskId, { type: 'task.evaluate', taskId, score: 5 });
  }
  await ctx.closeIncident(district, incidentId);
}
