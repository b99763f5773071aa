// What gets reported across the city, per board, with Chinese case titles and how often each
// kind comes up. Weights are relative within the whole mix; severity is 1 (worst) … 4.
import type { Board } from '../../shared/protocol/common';

export interface IncidentKind {
  kind: string;
  board: Board;
  /** Appended to a place name: "华一坡社区 垃圾堆积未及时清运". */
  titles: readonly string[];
  weight: number;
  /** Relative odds of severity [1, 2, 3, 4]. */
  severity: readonly [number, number, number, number];
  /** Who usually reports it. */
  source: string;
}

const ROUTINE = [0.2, 4, 36, 60] as const;
const SERIOUS = [2, 14, 50, 34] as const;

export const INCIDENT_KINDS: readonly IncidentKind[] = [
  { kind: 'water-main', board: 'facility', titles: ['供水管网爆管', '自来水管破裂漏水'], weight: 3, severity: SERIOUS, source: '物联感知' },
  { kind: 'power', board: 'facility', titles: ['片区突发停电', '变压器故障'], weight: 2, severity: ROUTINE, source: '12345热线' },
  { kind: 'road', board: 'facility', titles: ['路面塌陷', '道路坑洼破损'], weight: 3, severity: ROUTINE, source: '网格员上报' },
  { kind: 'manhole', board: 'facility', titles: ['井盖缺失', '井盖破损移位'], weight: 3, severity: ROUTINE, source: '网格员上报' },
  { kind: 'elevator', board: 'facility', titles: ['电梯困人'], weight: 2, severity: SERIOUS, source: '物联感知' },
  { kind: 'traffic', board: 'facility', titles: ['交通信号灯故障', '交通事故致道路拥堵'], weight: 3, severity: ROUTINE, source: '视频识别' },
  { kind: 'food', board: 'services', titles: ['餐饮店食品安全投诉', '学校食堂食品安全隐患'], weight: 3, severity: ROUTINE, source: '12345热线' },
  { kind: 'water-outage', board: 'services', titles: ['居民反映停水', '二次供水水质浑浊'], weight: 2, severity: ROUTINE, source: '12345热线' },
  { kind: 'gas-cylinder', board: 'services', titles: ['餐馆违规使用瓶装燃气', '气瓶超期未检'], weight: 2, severity: ROUTINE, source: '网格员上报' },
  { kind: 'market', board: 'services', titles: ['农贸市场秩序混乱', '商户价格欺诈投诉'], weight: 2, severity: ROUTINE, source: '12345热线' },
  { kind: 'pollution', board: 'ecology', titles: ['河道异常排污', '污水直排入河', '工地扬尘污染'], weight: 4, severity: ROUTINE, source: '物联感知' },
  { kind: 'noise', board: 'ecology', titles: ['夜间施工噪声扰民', '广场舞噪声扰民'], weight: 3, severity: ROUTINE, source: '12345热线' },
  { kind: 'greenery', board: 'ecology', titles: ['绿化带损毁', '行道树倒伏'], weight: 2, severity: ROUTINE, source: '网格员上报' },
  { kind: 'crowd', board: 'governance', titles: ['人员聚集', '商圈人流密度过高'], weight: 3, severity: SERIOUS, source: '视频识别' },
  { kind: 'dispute', board: 'governance', titles: ['邻里纠纷', '物业纠纷'], weight: 5, severity: ROUTINE, source: '网格员上报' },
  { kind: 'pyramid-selling', board: 'governance', titles: ['疑似传销聚集'], weight: 1, severity: SERIOUS, source: '网格员上报' },
  { kind: 'illegal-building', board: 'governance', titles: ['违法搭建', '私搭乱建'], weight: 3, severity: ROUTINE, source: '网格员上报' },
  { kind: 'fire', board: 'emergency', titles: ['居民楼火情', '高层建筑火情', '餐馆厨房起火'], weight: 2, severity: [4, 30, 46, 20], source: '物联感知' },
  { kind: 'gas', board: 'emergency', titles: ['燃气泄漏', '燃气管道破损'], weight: 2, severity: [3, 27, 50, 20], source: '物联感知' },
  { kind: 'geohazard', board: 'emergency', titles: ['危岩崩塌', '山体滑坡隐患', '边坡落石'], weight: 2, severity: SERIOUS, source: '物联感知' },
  { kind: 'flood', board: 'emergency', titles: ['道路积水', '下穿道积水'], weight: 2, severity: SERIOUS, source: '视频识别' },
  { kind: 'sanitation', board: 'civilisation', titles: ['垃圾堆积未及时清运', '公厕卫生脏乱'], weight: 5, severity: ROUTINE, source: '网格员上报' },
  { kind: 'parking', board: 'civilisation', titles: ['车辆乱停乱放', '占用消防通道停车'], weight: 4, severity: ROUTINE, source: '视频识别' },
  { kind: 'vending', board: 'civilisation', titles: ['占道经营', '流动摊贩占道'], weight: 4, severity: ROUTINE, source: '视频识别' },
  { kind: 'advertising', board: 'civilisation', titles: ['违规张贴小广告', '户外广告牌破损'], weight: 2, severity: ROUTINE, source: '网格员上报' },
];
