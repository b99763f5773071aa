import { create } from 'zustand';
import { CameraList } from '../../../shared/protocol/cameras';
import type { Camera } from '../../../shared/protocol/cameras';
import type { WallBridge } from '../../../shared/view/bridge';
import { parseAtEdge } from '../../../shared/validation';

/** The cameras this view may show (the hub's list in the user's scope), fetched once per window. */
export interface CameraDirectory {
  status: 'idle' | 'loading' | 'ready' | 'failed';
  cameras: Camera[];
  byId: ReadonlyMap<string, Camera>;
  error: string | null;
}

export const useCameraDirectory = create<CameraDirectory>(() => ({ status: 'idle', cameras: [], byId: new Map(), error: null }));

const RETRY_MS = 5_000;

/** Starts the one fetch (a no-op once loading or loaded); a failure is shown, then retried. */
export function loadCameraDirectory(bridge: WallBridge, log: (message: string) => void = console.warn): void {
  const { status } = useCameraDirectory.getState();
  if (status === 'loading' || status === 'ready') return;
  useCameraDirectory.setState({ status: 'loading' });
  const fail = (reason: string) => {
    log(`[cameras] directory: ${reason}`);
    useCameraDirectory.setState({ status: 'failed', error: reason });
    setTimeout(() => loadCameraDirectory(bridge, log), RETRY_MS);
  };
  bridge.query({ kind: 'cameras' }).then(
    (raw) => {
      const parsed = parseAtEdge(CameraList, raw);
      if (!parsed.ok) return fail(`rejected: ${parsed.message}`);
      useCameraDirectory.setState({
        status: 'ready',
        cameras: parsed.value,
        byId: new Map(parsed.value.map((camera) => [camera.id, camera])),
        error: null,
      });
    },
    (error: unknown) => fail(error instanceof Error ? error.message : String(error)),
  );
}
