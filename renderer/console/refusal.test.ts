import { beforeAll, describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import type { ControlState } from '../../shared/wall/control';
import { BridgeCallError } from '../bridge/webSocketBridge';
import { initI18n } from '../i18n';
import { describeRefusal } from './refusal';

let t: TFunction;
beforeAll(() => {
  t = initI18n('zh-CN').t;
});

const control: ControlState = {
  revision: 3,
  displays: [
    { displayId: '1', holder: { viewId: 'console-a', desk: '席位 A', since: '2024-05-01T08:00:00.000Z' }, request: null },
    { displayId: '2', holder: { viewId: 'console-b', desk: '席位 B', since: '2024-05-01T08:00:00.000Z' }, request: null },
  ],
};
const conflict = new BridgeCallError('conflict', 'display 1 is controlled by 席位 A');

describe('describeRefusal', () => {
  it('names the other desk holding a display the action touches, and how to get it', () => {
    const text = describeRefusal(conflict, { t, control, viewId: 'console-b', displayIds: ['1', '2'] });
    expect(text).toBe('操作被拒绝：显示屏 1 由 席位 A 控制。可在“大屏控制”中请求移交。');
  });

  it('lists several holders, leaving out this desk’s own hold', () => {
    const text = describeRefusal(conflict, { t, control, viewId: 'console-c', displayIds: ['1', '2'] });
    expect(text).toContain('显示屏 1、显示屏 2');
    expect(text).toContain('席位 A、席位 B');
  });

  it('falls back to main’s words when this console does not know the holder yet, and says other failures plainly', () => {
    expect(describeRefusal(conflict, { t, control: null, viewId: 'console-b', displayIds: ['1'] })).toBe('操作被拒绝：display 1 is controlled by 席位 A');
    expect(describeRefusal(new BridgeCallError('timeout', 'no answer in 10000 ms'), { t, control, viewId: 'x', displayIds: ['1'] })).toBe('操作失败：no answer in 10000 ms');
  });
});
