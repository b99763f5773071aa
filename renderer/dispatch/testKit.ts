import { act } from 'react';
import type { Role } from '../../shared/protocol/common';
import type { UnitRef } from '../../shared/protocol/units';
import type { Session } from '../stores/wallStore';

/* Shared by the dispatch and inbox component tests only. */

export const CITY: UnitRef = { code: '500000', level: 'city', name: '重庆市' };
export const YUZHONG: UnitRef = { code: '500103', level: 'district', name: '渝中区' };
export const JIEFANGBEI: UnitRef = { code: '500103001', level: 'street', name: '解放碑街道' };

/** A console session signed in at `unit`. */
export function consoleSession(unit: UnitRef, roles: Role[] = ['duty']): Session {
  return { viewId: 'console-1', role: 'console', displayId: 'console', user: { username: `${unit.code}-duty`, roles }, unit, hubUrl: '', desk: null };
}

/** Types into a controlled input or textarea as a user would (React listens for `input`). */
export function typeInto(element: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  const prototype = element instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  act(() => {
    Object.getOwnPropertyDescriptor(prototype, 'value')!.set!.call(element, value);
    element.dispatchEvent(new Event('input', { bubbles: true }));
  });
}
