import type { ViewRole } from '../../shared/view/viewChannel';
import type { WallCore } from '../core/wallCore';

export type { ViewPort } from '../core/viewHost';

/** What a shell uses of the wall core; the subset keeps the shells' test fakes small. */
export type HostedCore = Pick<WallCore, 'attachView' | 'detachView' | 'handleCall' | 'on'>;

/** A view's id from its role and display: stable across reloads, so the core knows it again. */
export function viewIdFor(role: ViewRole, displayId: string): string {
  return role === 'console' ? 'console' : `wall-${displayId}`;
}
