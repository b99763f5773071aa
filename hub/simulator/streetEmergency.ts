// FIELD.md episode 1, the 50-minute street emergency: a grid worker reports elderly people at
// a suspected pyramid-selling meeting; the street orders the community to verify; once confirmed
// it starts the procedure and sends community emergency staff, the street squad and standby
// staff, who arrive about 20 minutes later and bring 11 people home.
import { CITY_CODE } from '../../shared/domain/units';
import { CORE_DISTRICTS } from '../catalog';
import type { EpisodeContext } from './episodeContext';

export async function streetEmergency(ctx: EpisodeContext): Promise<void> {
  const { hierarchy, random } = ctx;
  const streets = hierarchy.children(CITY_CODE)
    .filter((d) => CORE_DISTRICTS.has(d.code))
    .flatMap((d) => hierarchy.children(d.code))
    .filter((s) => s.name.endsWith('街道') && hierarchy.children(s.code).length >= 2);
  const community = random.pick(hierarchy.children(random.pick(streets).code));
  const grid = random.pick(hierarchy.children(community.code));
  const place = grid.centroid;
  const units = hierarchy.locate(place);
  const [, , street, home, homeGrid] = units;
  if (!street || !home || !homeGrid) return;
  const neighbour = hierarchy.children(street).find((c) => c.code !== home)?.code ?? home;
  const homeName = hierarchy.get(home)?.name ?? '';

  const reported = await ctx.report('pyramid-selling', place, {
    title: `${homeName} 疑似多名老年人参加传销会议`,
    severity: 2,
    source: '网格员上报',
    reporter: 'grid',
    scripted: true,
  });
  if (!reported) return;
  const { incidentId } = reported;

  // Verification by the community (≈10 minutes).
  await ctx.sleep(90);
  const verify = await ctx.dispatch(street, incidentId, home, '请立即核查现场情况及涉及人员身份');
  if (verify) {
    await ctx.sleep(40);
    await ctx.act(home, verify, { type: 'task.accept', taskId: verify });
    await ctx.sleep(300);
    await ctx.act(home, verify, { type: 'task.arrive', taskId: verify });
    await ctx.sleep(180);
    await ctx.act(home, verify, { type: 'task.feedback', taskId: verify, text: '已核实：现场约11名老年人疑似参加传销会议，已稳控现场' });
    await ctx.sleep(60);
    await ctx.act(street, verify, { type: 'task.close', taskId: verify });
  }

  // Confirmed: the procedure starts and three teams go out.
  await ctx.updateIncident(street, incidentId, { title: `${reported.title}（已核实，启动应急处置程序）` });
  await ctx.sleep(30);
  const teams: [string, string, string][] = [
    [home, '社区应急人员赶赴现场，逐一登记人员信息', '已将11名老人安全送回家中，共出动35人'],
    [neighbour, '街道应急分队及备勤人员支援，协助劝返', '已协助劝返并疏散现场，无人员受伤'],
    [homeGrid, '网格员核实老人住址并联系家属', '已联系全部家属，完成回访登记'],
  ];
  const taskIds = await Promise.all(teams.map(([unit, note]) => ctx.dispatch(street, incidentId, unit, note)));
  // Teams accept within a couple of minutes and arrive about 20 minutes after dispatch.
  await Promise.all(teams.map(async ([unit, , result], i) => {
    const taskId = taskIds[i];
    if (!taskId) return;
    const acceptAt = 60 + i * 20, arriveAt = 1200 + i * 30, doneAt = arriveAt + 900 + i * 60;
    await ctx.sleep(acceptAt);
    await ctx.act(unit, taskId, { type: 'task.accept', taskId });
    await ctx.sleep(arriveAt - acceptAt);
    await ctx.act(unit, taskId, { type: 'task.arrive', taskId });
    await ctx.sleep(doneAt - arriveAt);
    await ctx.act(unit, taskId, { type: 'task.feedback', taskId, text: result });
  }));

  // Close, evaluate, close the case: about 50 minutes from the report.
  await ctx.sleep(120);
  const all = [verify, ...taskIds].filter((id): id is string => !!id);
  for (const taskId of all) await ctx.act(street, taskId, { type: 'task.close', taskId });
  await ctx.sleep(60);
  for (const taskId of all) await ctx.act(street, taskId, { type: 'task.evaluate', taskId, score: 5 });
  await ctx.closeIncident(street, incidentId);
}
