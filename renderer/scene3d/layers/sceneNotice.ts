import { create } from 'zustand';

/** A short line the layer manager shows after a marker action (a camera opened, or why not). */
export interface SceneNotice {
  /** i18n key under `layers.notice`. */
  key: 'cameraOpened' | 'noCameraCell' | 'cameraRefused';
  params: Record<string, string>;
  /** Date.now() when it was raised: the manager hides it a few seconds later. */
  at: number;
}

export const useSceneNotice = create<{ notice: SceneNotice | null; show(key: SceneNotice['key'], params?: Record<string, string>): void }>((set) => ({
  notice: null,
  show: (key, params = {}) => set({ notice: { key, params, at: Date.now() } }),
}));
