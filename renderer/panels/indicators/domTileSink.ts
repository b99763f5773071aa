import type { ThresholdState } from '../../../shared/protocol/indicators';
import type { TileSink } from './boardUpdater';
import type { SampleRing } from './sampleRing';
import { drawSparkline } from './sparkline';

/** A tile's nodes the updater writes to; React renders them once and never their contents. */
export interface TileNodes {
  root: HTMLElement;
  value: HTMLElement;
  canvas: HTMLCanvasElement;
  stale: HTMLElement;
  staleText: HTMLElement;
}

interface MountedTile extends TileNodes {
  context: CanvasRenderingContext2D | null | undefined;
}

/** The thin DOM end of the updater: text, attributes and canvas strokes, no layout reads. */
export class DomTileSink implements TileSink {
  private readonly tiles = new Map<string, MountedTile>();

  constructor(private readonly staleLabel: (seconds: number) => string) {}

  attach(id: string, nodes: TileNodes): void {
    this.tiles.set(id, { ...nodes, context: undefined });
  }

  detach(id: string, root: HTMLElement): void {
    if (this.tiles.get(id)?.root === root) this.tiles.delete(id);
  }

  writeValue(id: string, text: string): void {
    const tile = this.tiles.get(id);
    if (tile) tile.value.textContent = text;
  }

  writeSparkline(id: string, ring: SampleRing, state: ThresholdState): void {
    const tile = this.tiles.get(id);
    if (!tile) return;
    // A CPU-backed canvas: for 200×40 px GPU textures cost more than they save (bench:indicators
    // page traced with about 20 % less GPU-process time and fewer main-thread long tasks, SwiftShader).
    if (tile.context === undefined) tile.context = tile.canvas.getContext('2d', { willReadFrequently: true });
    if (tile.context) drawSparkline(tile.context, ring, tile.canvas.width, tile.canvas.height, state);
  }

  writeStale(id: string, seconds: number | null): void {
    const tile = this.tiles.get(id);
    if (!tile) return;
    tile.root.dataset.stale = seconds === null ? 'false' : 'true';
    tile.stale.hidden = seconds === null;
    tile.staleText.textContent = seconds === null ? '' : this.staleLabel(seconds);
  }
}
