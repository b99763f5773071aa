import type { ThreeEvent } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import { LineBasicMaterial, MeshLambertMaterial, type BufferGeometry } from 'three';
import type { UnitArea } from '../../shared/protocol/map';
import { LOAD_BUCKETS, NO_DATA_COLOUR, STATE_COLOURS } from './areaColours';
import { extrudeArea, outlineGeometry } from './areaGeometry';
import type { SceneLevel } from './layers/layerPolicy';
import { rankScale } from './scenePose';

/** Every colour an area can take, one shared material each. */
const PALETTE = [...new Set([...LOAD_BUCKETS.map((b) => b.colour), ...Object.values(STATE_COLOURS), NO_DATA_COLOUR])];

export interface AreaMeshesProps {
  areas: readonly UnitArea[];
  level: SceneLevel;
  heightM: number;
  /** Colour and rank (0–4: how much taller) per area code. */
  colourOf(code: string): { colour: string; rank: number };
  /** Clicking an area (drill-down); absent: the areas are not clickable. */
  onSelect?: (area: UnitArea) => void;
}

/**
 * The shown unit's child areas, extruded from their real rings, one mesh each (a few dozen at
 * most) with its border drawn on top; materials are shared per colour. A busier area stands
 * taller: its group is scaled, so geometry is built once per unit, not on every incident.
 */
export function AreaMeshes({ areas, level, heightM, colourOf, onSelect }: AreaMeshesProps) {
  const materials = useMemo(() => new Map(PALETTE.map((colour) => [colour, new MeshLambertMaterial({ color: colour })])), []);
  const outlineMaterial = useMemo(() => new LineBasicMaterial({ color: '#9cc8ff', transparent: true, opacity: 0.55 }), []);
  useEffect(
    () => () => {
      for (const material of materials.values()) material.dispose();
      outlineMaterial.dispose();
    },
    [materials, outlineMaterial],
  );

  const geometries = useMemo(() => areas.map((area) => ({ area, body: extrudeArea(area, heightM), border: outlineGeometry([area], heightM * 1.002 + 0.3) })), [areas, heightM]);
  useEffect(
    () => () => {
      for (const g of geometries) disposeAll(g.body, g.border);
    },
    [geometries],
  );

  // A pointer cursor left over a district that went away (a drill-down) would stay on the wall.
  useEffect(
    () => () => {
      document.body.style.cursor = '';
    },
    [],
  );

  const hover = (cursor: string) => (event: ThreeEvent<PointerEvent>) => {
    event.stopPropagation();
    document.body.style.cursor = cursor;
  };

  return (
    <group name="areas">
      {geometries.map(({ area, body, border }) => {
        const { colour, rank } = colourOf(area.code);
        return (
          <group key={area.code} scale={[1, rankScale(level, rank), 1]}>
            <mesh
              geometry={body}
              material={materials.get(colour) ?? materials.get(NO_DATA_COLOUR)!}
              userData={{ areaCode: area.code }}
              {...(onSelect
                ? {
                    onClick: (event: ThreeEvent<MouseEvent>) => {
                      event.stopPropagation();
                      onSelect(area);
                    },
                    onPointerOver: hover('pointer'),
                    onPointerOut: hover(''),
                  }
                : {})}
            />
            <lineSegments geometry={border} material={outlineMaterial} />
          </group>
        );
      })}
    </group>
  );
}

function disposeAll(...geometries: BufferGeometry[]): void {
  for (const g of geometries) g.dispose();
}
