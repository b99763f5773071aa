// The vital-sign metrics each centre watches, per board, with the profile that drives the
// simulator: baseline, daily swing, noise and the rhythm the swing follows over the day.
import type { Board } from '../../shared/protocol/common';

/** Shape of the daily swing: commute peaks 08:00 and 18:00, daytime peaks 14:00, evening 21:00. */
export type DailyRhythm = 'commute' | 'daytime' | 'evening' | 'flat';

export interface IndicatorTemplate {
  metric: string;
  board: Board;
  name: string;
  measure: string;
  baseline: number;
  /** Signed daily swing added at the rhythm's peak (negative: the value dips at the peak). */
  amplitude: number;
  noise: number;
  warn: number;
  alarm: number;
  direction: 'above' | 'below';
  rhythm: DailyRhythm;
  /** Values never fall below / rise above these (counts and rain ≥ 0, percentages ≤ 100). */
  floor?: number;
  ceiling?: number;
  /** Counts grow with the area watched: the city's value is this many times a district's. */
  cityScale?: number;
  /** One indicator per river section of the district instead of one per district. */
  perRiver?: boolean;
  /** Every district gets it (the rest fill the quota in a seeded order). */
  everyDistrict?: boolean;
  /** Only the main city's districts have it (metro lines). */
  mainCityOnly?: boolean;
}

type Row = Omit<IndicatorTemplate, 'board'>;
const board = (b: Board, rows: Row[]): IndicatorTemplate[] => rows.map((row) => ({ ...row, board: b }));

export const INDICATOR_TEMPLATES: readonly IndicatorTemplate[] = [
  ...board('facility', [
    { metric: 'water-pressure', name: '供水管网压力', measure: 'MPa', baseline: 0.32, amplitude: -0.04, noise: 0.004, warn: 0.22, alarm: 0.16, direction: 'below', rhythm: 'commute', floor: 0 },
    { metric: 'gas-pressure', name: '燃气管网压力', measure: 'kPa', baseline: 2.4, amplitude: -0.2, noise: 0.03, warn: 1.9, alarm: 1.6, direction: 'below', rhythm: 'evening', floor: 0 },
    { metric: 'power-load', name: '电网负荷率', measure: '%', baseline: 60, amplitude: 18, noise: 1.2, warn: 85, alarm: 95, direction: 'above', rhythm: 'daytime', floor: 0, ceiling: 120 },
    { metric: 'bridge-deflection', name: '桥梁健康监测挠度', measure: 'mm', baseline: 12, amplitude: 3, noise: 0.4, warn: 25, alarm: 32, direction: 'above', rhythm: 'commute' },
    { metric: 'tunnel-co', name: '隧道一氧化碳浓度', measure: 'ppm', baseline: 14, amplitude: 10, noise: 1.5, warn: 50, alarm: 100, direction: 'above', rhythm: 'commute', floor: 0 },
    { metric: 'traffic-index', name: '道路交通拥堵指数', measure: '指数', baseline: 3.2, amplitude: 2.6, noise: 0.25, warn: 6, alarm: 8, direction: 'above', rhythm: 'commute', floor: 0, ceiling: 10 },
    { metric: 'rail-load', name: '轨道交通断面满载率', measure: '%', baseline: 50, amplitude: 42, noise: 3, warn: 100, alarm: 120, direction: 'above', rhythm: 'commute', floor: 0, mainCityOnly: true },
    { metric: 'drain-level', name: '排水管网液位', measure: 'm', baseline: 0.8, amplitude: 0.15, noise: 0.04, warn: 2, alarm: 2.6, direction: 'above', rhythm: 'commute', floor: 0 },
    { metric: 'streetlight', name: '路灯亮灯率', measure: '%', baseline: 98.5, amplitude: 0, noise: 0.3, warn: 95, alarm: 90, direction: 'below', rhythm: 'flat', ceiling: 100 },
    { metric: 'elevator-alarms', name: '电梯困人告警', measure: '起/时', baseline: 0.6, amplitude: 0.8, noise: 0.4, warn: 4, alarm: 8, direction: 'above', rhythm: 'commute', floor: 0, cityScale: 15 },
  ]),
  ...board('services', [
    { metric: 'chlorine', name: '出厂水余氯', measure: 'mg/L', baseline: 0.62, amplitude: 0, noise: 0.03, warn: 0.4, alarm: 0.3, direction: 'below', rhythm: 'flat', floor: 0 },
    { metric: 'bed-occupancy', name: '医院床位使用率', measure: '%', baseline: 82, amplitude: 5, noise: 0.8, warn: 95, alarm: 100, direction: 'above', rhythm: 'daytime', floor: 0, ceiling: 110 },
    { metric: 'er-wait', name: '急诊平均候诊时长', measure: 'min', baseline: 24, amplitude: 14, noise: 2, warn: 60, alarm: 90, direction: 'above', rhythm: 'daytime', floor: 0 },
    { metric: 'bus-punctuality', name: '公交准点率', measure: '%', baseline: 93, amplitude: -5, noise: 0.8, warn: 85, alarm: 75, direction: 'below', rhythm: 'commute', ceiling: 100 },
    { metric: 'vegetable-price', name: '蔬菜价格指数', measure: '指数', baseline: 101, amplitude: 1.5, noise: 0.3, warn: 115, alarm: 125, direction: 'above', rhythm: 'daytime' },
    { metric: 'food-sampling', name: '食品安全抽检合格率', measure: '%', baseline: 98.2, amplitude: 0, noise: 0.3, warn: 96, alarm: 94, direction: 'below', rhythm: 'flat', ceiling: 100 },
    { metric: 'gas-cylinder', name: '瓶装燃气气瓶检验合格率', measure: '%', baseline: 97.5, amplitude: 0, noise: 0.4, warn: 95, alarm: 92, direction: 'below', rhythm: 'flat', ceiling: 100 },
    { metric: 'power-outage', name: '停电影响户数', measure: '户', baseline: 20, amplitude: 10, noise: 8, warn: 500, alarm: 2000, direction: 'above', rhythm: 'evening', floor: 0, cityScale: 20 },
  ]),
  ...board('ecology', [
    { metric: 'fluoride', name: '氟化物', measure: 'mg/L', baseline: 0.42, amplitude: 0, noise: 0.025, warn: 0.9, alarm: 1, direction: 'above', rhythm: 'flat', floor: 0, perRiver: true, everyDistrict: true },
    { metric: 'dissolved-oxygen', name: '溶解氧', measure: 'mg/L', baseline: 7.6, amplitude: 0.8, noise: 0.15, warn: 5, alarm: 3, direction: 'below', rhythm: 'daytime', floor: 0, perRiver: true },
    { metric: 'ammonia', name: '氨氮', measure: 'mg/L', baseline: 0.32, amplitude: 0.05, noise: 0.03, warn: 0.8, alarm: 1, direction: 'above', rhythm: 'commute', floor: 0, perRiver: true },
    { metric: 'cod', name: '化学需氧量', measure: 'mg/L', baseline: 12, amplitude: 1, noise: 0.6, warn: 18, alarm: 20, direction: 'above', rhythm: 'commute', floor: 0, perRiver: true },
    { metric: 'aqi', name: '空气质量指数', measure: 'AQI', baseline: 52, amplitude: 16, noise: 3, warn: 100, alarm: 150, direction: 'above', rhythm: 'daytime', floor: 0 },
    { metric: 'pm25', name: 'PM2.5浓度', measure: 'μg/m³', baseline: 33, amplitude: 9, noise: 2, warn: 75, alarm: 115, direction: 'above', rhythm: 'commute', floor: 0 },
    { metric: 'noise', name: '区域环境噪声', measure: 'dB(A)', baseline: 51, amplitude: 8, noise: 1.5, warn: 65, alarm: 70, direction: 'above', rhythm: 'daytime', floor: 25 },
    { metric: 'landscape-lighting', name: '景观照明设施完好率', measure: '%', baseline: 97, amplitude: 0, noise: 0.5, warn: 92, alarm: 85, direction: 'below', rhythm: 'flat', ceiling: 100 },
  ]),
  ...board('governance', [
    { metric: 'grid-on-duty', name: '网格员在岗率', measure: '%', baseline: 90, amplitude: 6, noise: 1, warn: 80, alarm: 70, direction: 'below', rhythm: 'daytime', ceiling: 100 },
    { metric: 'case-on-time', name: '案件按期办结率', measure: '%', baseline: 95.5, amplitude: 0, noise: 0.4, warn: 90, alarm: 85, direction: 'below', rhythm: 'flat', ceiling: 100 },
    { metric: 'hotline-orders', name: '12345热线工单量', measure: '件/时', baseline: 22, amplitude: 26, noise: 4, warn: 90, alarm: 130, direction: 'above', rhythm: 'daytime', floor: 0, cityScale: 18 },
    { metric: 'petitions', name: '信访事项', measure: '件/日', baseline: 10, amplitude: 4, noise: 1.5, warn: 30, alarm: 45, direction: 'above', rhythm: 'daytime', floor: 0, cityScale: 20 },
    { metric: 'crowd-density', name: '重点区域人员密度', measure: '人/㎡', baseline: 0.7, amplitude: 0.7, noise: 0.1, warn: 2.5, alarm: 4, direction: 'above', rhythm: 'evening', floor: 0 },
    { metric: 'overdue-cases', name: '超期案件', measure: '件', baseline: 3, amplitude: 1, noise: 0.6, warn: 10, alarm: 20, direction: 'above', rhythm: 'daytime', floor: 0, cityScale: 25 },
  ]),
  ...board('emergency', [
    { metric: 'rain-hourly', name: '小时降雨量', measure: 'mm', baseline: 0.2, amplitude: 0.4, noise: 0.3, warn: 20, alarm: 50, direction: 'above', rhythm: 'evening', floor: 0, everyDistrict: true },
    { metric: 'rain-24h', name: '24小时累计降雨量', measure: 'mm', baseline: 3, amplitude: 0, noise: 0.2, warn: 50, alarm: 100, direction: 'above', rhythm: 'flat', floor: 0, everyDistrict: true },
    { metric: 'river-level', name: '中小河流水位', measure: 'm', baseline: 2.4, amplitude: 0, noise: 0.04, warn: 4.5, alarm: 5.5, direction: 'above', rhythm: 'flat', floor: 0, everyDistrict: true },
    { metric: 'geohazard-displacement', name: '危岩地灾监测点位移', measure: 'mm', baseline: 2, amplitude: 0.3, noise: 0.2, warn: 10, alarm: 20, direction: 'above', rhythm: 'flat', floor: 0 },
    { metric: 'fire-iot-alarms', name: '消防物联网告警', measure: '起/时', baseline: 1.5, amplitude: 1, noise: 0.6, warn: 8, alarm: 15, direction: 'above', rhythm: 'evening', floor: 0, cityScale: 15 },
    { metric: 'gas-leak-alarms', name: '燃气泄漏报警', measure: '起/时', baseline: 0.2, amplitude: 0.3, noise: 0.2, warn: 2, alarm: 5, direction: 'above', rhythm: 'evening', floor: 0, cityScale: 12 },
    { metric: 'highrise-fire-water', name: '高层建筑消防水压', measure: 'MPa', baseline: 0.36, amplitude: -0.02, noise: 0.01, warn: 0.15, alarm: 0.1, direction: 'below', rhythm: 'commute', floor: 0 },
    { metric: 'rescue-readiness', name: '救援队伍在岗率', measure: '%', baseline: 96, amplitude: 0, noise: 0.8, warn: 90, alarm: 80, direction: 'below', rhythm: 'flat', ceiling: 100 },
  ]),
  ...board('civilisation', [
    { metric: 'volunteers', name: '志愿者在岗人数', measure: '人', baseline: 260, amplitude: 150, noise: 12, warn: 100, alarm: 50, direction: 'below', rhythm: 'daytime', floor: 0, cityScale: 25 },
    { metric: 'sanitation-score', name: '市容环境卫生评分', measure: '分', baseline: 92, amplitude: -2, noise: 0.5, warn: 85, alarm: 80, direction: 'below', rhythm: 'evening', ceiling: 100 },
    { metric: 'illegal-parking', name: '乱停乱放发现数', measure: '起/时', baseline: 12, amplitude: 10, noise: 2, warn: 40, alarm: 60, direction: 'above', rhythm: 'commute', floor: 0, cityScale: 20 },
    { metric: 'street-vending', name: '占道经营发现数', measure: '起/时', baseline: 6, amplitude: 7, noise: 1.5, warn: 25, alarm: 40, direction: 'above', rhythm: 'evening', floor: 0, cityScale: 20 },
    { metric: 'garbage-overflow', name: '垃圾满溢告警', measure: '起/时', baseline: 2.5, amplitude: 2, noise: 0.8, warn: 12, alarm: 20, direction: 'above', rhythm: 'evening', floor: 0, cityScale: 20 },
    { metric: 'toilet-cleanliness', name: '公厕保洁达标率', measure: '%', baseline: 96, amplitude: -1.5, noise: 0.5, warn: 90, alarm: 85, direction: 'below', rhythm: 'daytime', ceiling: 100 },
    { metric: 'civility-index', name: '文明行为指数', measure: '指数', baseline: 88, amplitude: 0, noise: 0.4, warn: 80, alarm: 75, direction: 'below', rhythm: 'flat', ceiling: 100 },
  ]),
];

/** Rivers with monitored sections (巴渝治水) in each district centre's area. */
export const DISTRICT_RIVERS: Readonly<Record<string, readonly string[]>> = {
  '500101': ['长江', '苎溪河'], '500102': ['长江', '乌江'], '500103': ['长江', '嘉陵江'], '500104': ['长江'],
  '500105': ['长江', '嘉陵江'], '500106': ['嘉陵江', '梁滩河'], '500107': ['长江', '桃花溪'], '500108': ['长江'],
  '500109': ['嘉陵江', '梁滩河'], '500110': ['綦江', '蒲河'], '500111': ['濑溪河'], '500112': ['嘉陵江', '御临河'],
  '500113': ['长江', '花溪河', '一品河'], '500114': ['阿蓬江'], '500115': ['长江', '龙溪河'], '500116': ['长江', '綦江', '笋溪河'],
  '500117': ['嘉陵江', '涪江', '渠江'], '500118': ['临江河'], '500119': ['凤嘴江'], '500120': ['璧南河'],
  '500151': ['涪江', '小安溪'], '500152': ['涪江', '琼江'], '500153': ['濑溪河'], '500154': ['澎溪河'],
  '500155': ['龙溪河'], '500156': ['乌江', '芙蓉江'], '500229': ['任河'], '500230': ['长江', '龙河'],
  '500231': ['龙溪河'], '500233': ['长江'], '500235': ['长江', '澎溪河'], '500236': ['长江', '梅溪河'],
  '500237': ['长江', '大宁河'], '500238': ['大宁河'], '500240': ['龙河'], '500241': ['梅江河'],
  '500242': ['酉水河', '阿蓬江'], '500243': ['乌江', '郁江'], '500190': ['嘉陵江'], '500191': ['梁滩河'],
};
