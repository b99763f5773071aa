import { type ThreeEvent, useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import { type Camera, PerspectiveCamera } from 'three';
import type { Building } from '../../../shared/protocol/map';
import { startBuildLoop } from './buildLoop';
import { TiledBuildings, type TiledBuildingsOptions, type TiledBuildingsStats } from './TiledBuildings';

export interface BuildingsProps {
  buildings: readonly Building[];
  visible?: boolean;
  /** A building was clicked; without it the buildings are not raycast at all. */
  onPick?: (id: string) => void;
  /** Drawn in the highlight colour (an id not in `buildings` highlights nothing). */
  highlightId?: string | null;
  /** Once per `buildings`: everything the first view asked for is built and a frame requested. */
  onReady?: (stats: TiledBuildingsStats) => void;
  /** Tile sizes and LOD distances; read when `buildings` changes. */
  options?: Partial<TiledBuildingsOptions>;
}

/** A slice of geometry building per macrotask, ms: short enough for input and video to keep up. */
const BUILD_SLICE_MS = 12;
/** While a big set builds, what is ready is shown this often. */
const BUILD_PROGRESS_MS = 400;

/**
 * A multi-window scene shares one camera cut into view offsets: detail follows the whole view's
 * height, so every window picks the same detail for the same cell and the seams match.
 */
function viewHeight(camera: Camera, canvasHeight: number): number {
  return camera instanceof PerspectiveCamera && camera.view?.enabled ? camera.view.fullHeight : canvasHeight;
}

/**
 * Buildings as merged tiles with distance-switched detail (TiledBuildings), for a canvas that
 * renders on demand: it asks for a frame only when the detail changed or new geometry is built,
 * and builds off the frame, in slices. Needs the scene's lights (Lambert shading).
 */
export function Buildings({ buildings, visible = true, onPick, highlightId = null, onReady, options }: BuildingsProps) {
  const invalidate = useThree((s) => s.invalidate);
  const store = useThree((s) => s.get);
  // options are read with the buildings they tile, not on every render
  const tiled = useMemo(() => new TiledBuildings(buildings, options), [buildings]);
  const onReadyRef = useRef(onReady);
  onReadyRef.current = onReady;
  const loopRef = useRef<ReturnType<typeof startBuildLoop> | null>(null);

  useEffect(() => {
    let ready = false;
    const whenReady = () => {
      if (ready) return;
      ready = true;
      onReadyRef.current?.(tiled.stats());
    };
    const loop = startBuildLoop(tiled, { sliceMs: BUILD_SLICE_MS, progressMs: BUILD_PROGRESS_MS, onBuilt: () => invalidate(), onIdle: whenReady });
    loopRef.current = loop;
    // start building for the camera as it is, not on the first frame
    const state = store();
    tiled.update(state.camera, viewHeight(state.camera, state.size.height));
    loop.kick();
    // nothing to build (no buildings)
    if (tiled.pending === 0) whenReady();
    return () => {
      loop.stop();
      loopRef.current = null;
      tiled.dispose();
    };
  }, [tiled, invalidate, store]);

  useEffect(() => {
    if (tiled.setHighlight(highlightId)) invalidate();
  }, [tiled, highlightId, invalidate]);

  useEffect(() => {
    tiled.group.visible = visible;
    invalidate();
  }, [tiled, visible, invalidate]);

  // runs before this frame renders, so a change of detail shows in this very frame
  useFrame((state) => {
    if (!visible) return;
    tiled.update(state.camera, viewHeight(state.camera, state.size.height));
    loopRef.current?.kick();
  });

  const handleClick = useMemo(
    () =>
      onPick &&
      ((event: ThreeEvent<MouseEvent>) => {
        const id = tiled.idOfHit(event);
        if (id === null) return;
        event.stopPropagation();
        onPick(id);
      }),
    [tiled, onPick],
  );

  return <primitive object={tiled.group} onClick={handleClick} />;
}
