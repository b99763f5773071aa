import type { WallCore } from '../core/wallCore';

export type { ViewPort } from '../core/viewHost';

/** What the Electron shell uses of the wall core; the subset keeps test fakes small. */
export type HostedCore = Pick<WallCore, 'attachView' | 'detachView' | 'handleCall' | 'on'>;
