import { Canvas } from '@react-three/fiber';
import { useEffect, useMemo, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { LineBasicMaterial } from 'three';
import type { Building, UnitArea } from '../../shared/protocol/map';
import { AreaMeshes } from './AreaMeshes';
import { outlineGeometry } from './areaGeometry';
import { Buildings } from './buildings/Buildings';
import type { CameraFlight } from './cameraFlight';
import { SCENE_FOV_DEG } from './cameraPose';
import { CameraRig } from './CameraRig';
import type { LabelBoard } from './labelBoard';
import { CameraMarkers, IncidentMarkers, RescueTeamMarkers, RiskPointMarkers, TaskArcs, type LayerVisibility, type SceneLevel } from './layers';
import type { ViewSlice } from './viewSlice';

/** The scene's background: the wall's own dark blue, so a cell's edge does not show. */
export const SCENE_BACKGROUND = '#050a14';
const GROUND_COLOUR = '#08121f';
/** The ground reaches far past any unit, so the horizon is never bare at a low pitch. */
const GROUND_SIZE_M = 4_000_000;

export interface SceneCanvasProps {
  view: ViewSlice;
  flight: RefObject<CameraFlight | null>;
  flightVersion: number;
  labels: LabelBoard;
  unit: string;
  level: SceneLevel;
  layers: LayerVisibility;
  areas: readonly UnitArea[];
  /** A street's own outline, drawn on the ground around its buildings. */
  outline: UnitArea | null;
  areaHeightM: number;
  colourOf(code: string): { colour: string; rank: number };
  onSelectArea?: (area: UnitArea) => void;
  buildings: readonly Building[] | null;
  markerScaleM: number;
  /** Where markers stand: above the tallest area. */
  markerElevationM: number;
  focusIncidentId?: string;
  onFocusIncident(incidentId: string): void;
  onFrame?: () => void;
  /** Hands out the canvas's invalidate, for camera moves made outside React (useSceneControls). */
  onInvalidator?: (invalidate: () => void) => void;
}

/**
 * This window's part of the scene: an r3f canvas over exactly the part of the cell on this
 * display, rendering on demand. Everything in it is in ground metres (shared/geo/projection.ts).
 */
export function SceneCanvas(props: SceneCanvasProps) {
  const { view, layers, level, unit } = props;
  const { t } = useTranslation();
  if (!webglAvailable()) return <p className="scene3d__notice scene3d__notice--error">{t('scene.noWebgl')}</p>;
  return (
    <Canvas
      frameloop="demand"
      dpr={1}
      flat
      camera={{ manual: true, fov: SCENE_FOV_DEG, near: 1, far: 10_000_000, position: [0, 100_000, 100_000] }}
      gl={{ antialias: true }}
      resize={{ offsetSize: true, scroll: false }}
      onCreated={({ gl, invalidate }) => {
        gl.setClearColor(SCENE_BACKGROUND);
        props.onInvalidator?.(() => invalidate());
      }}
      data-scene-canvas=""
    >
      <CameraRig flight={props.flight} flightVersion={props.flightVersion} view={view} labels={props.labels} {...(props.onFrame ? { onFrame: props.onFrame } : {})} />
      <ambientLight intensity={0.9} />
      <hemisphereLight args={['#c8dcff', '#0a1424', 0.6]} />
      <directionalLight position={[-0.45, 1, 0.7]} intensity={1.6} />
      <mesh rotation={[-Math.PI / 2, 0, 0]} position={[0, -1, 0]} renderOrder={-1}>
        <planeGeometry args={[GROUND_SIZE_M, GROUND_SIZE_M]} />
        <meshBasicMaterial color={GROUND_COLOUR} />
      </mesh>
      {layers.areas && <AreaMeshes areas={props.areas} level={level} heightM={props.areaHeightM} colourOf={props.colourOf} {...(props.onSelectArea ? { onSelect: props.onSelectArea } : {})} />}
      {props.outline && <StreetOutline area={props.outline} />}
      {level === 'street' && props.buildings && <Buildings buildings={props.buildings} visible={layers.buildings} />}
      <TaskArcs unit={unit} visible={layers.tasks} elevation={props.markerElevationM} />
      <RiskPointMarkers unit={unit} visible={layers.risks} scale={props.markerScaleM * 0.7} elevation={props.markerElevationM} />
      <RescueTeamMarkers unit={unit} visible={layers.teams} scale={props.markerScaleM * 0.8} elevation={props.markerElevationM} />
      <CameraMarkers unit={unit} visible={layers.cameras} scale={props.markerScaleM * 0.7} elevation={props.markerElevationM} />
      <IncidentMarkers
        unit={unit}
        visible={layers.incidents}
        scale={props.markerScaleM}
        elevation={props.markerElevationM}
        {...(props.focusIncidentId ? { focusIncidentId: props.focusIncidentId } : {})}
        onFocus={props.onFocusIncident}
      />
    </Canvas>
  );
}

let webgl: boolean | null = null;

/** Whether this window can draw WebGL at all (a browser started without a GPU or SwiftShader cannot): asked once. */
function webglAvailable(): boolean {
  if (webgl === null) {
    try {
      const probe = document.createElement('canvas');
      const gl = probe.getContext('webgl2') ?? probe.getContext('webgl');
      webgl = gl !== null;
      gl?.getExtension('WEBGL_lose_context')?.loseContext(); // browsers keep few contexts: give the probe's back
    } catch {
      webgl = false;
    }
  }
  return webgl;
}

/** A street's boundary on the ground: where its buildings end. */
function StreetOutline({ area }: { area: UnitArea }) {
  const geometry = useMemo(() => outlineGeometry([area], 6), [area]);
  const material = useMemo(() => new LineBasicMaterial({ color: '#3ec7ff' }), []);
  useEffect(() => () => geometry.dispose(), [geometry]);
  useEffect(() => () => material.dispose(), [material]);
  return <lineSegments geometry={geometry} material={material} />;
}
