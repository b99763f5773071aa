// A real camera platform's cameras (`HUB_CAMERAS_FILE`): a JSON array of the wire `Camera`
// (`[{id, name, unit, location:[lng,lat], hls}]`) that replaces the generated loop-clip catalogue.
// Each `hls` is passed to clients untouched; the hub serves no video for these cameras. A bad file
// refuses to start the hub, naming every bad entry by index and field.
import { readFileSync } from 'node:fs';
import { Camera } from '../../shared/protocol/cameras';
import type { Hierarchy } from '../hierarchy';
import { catalogOf, type CameraCatalog, type ExternalCameraDefinition } from './cameras';

/** The environment variable that names the file; error messages start with it. */
export const CAMERAS_FILE_ENV = 'HUB_CAMERAS_FILE';
/** Problems listed in one error message; the rest are counted. */
const MAX_PROBLEMS_SHOWN = 10;

/** Reads, validates and indexes a camera file; throws an Error naming the file, entry and field. */
export function readCameraFile(filePath: string, hierarchy: Hierarchy): CameraCatalog {
  let text: string;
  try {
    text = readFileSync(filePath, 'utf8');
  } catch (error) {
    throw new Error(`${CAMERAS_FILE_ENV} ${filePath}: cannot read it (${(error as Error).message})`);
  }
  return catalogOf(parseCameraFile(text, filePath, hierarchy));
}

/** The cameras a file's text describes, or an Error listing each bad entry as `[index].field: why`. */
export function parseCameraFile(text: string, label: string, hierarchy: Hierarchy): ExternalCameraDefinition[] {
  const fail = (problems: string[]): never => {
    const shown = problems.slice(0, MAX_PROBLEMS_SHOWN);
    const more = problems.length > shown.length ? `\n  (and ${problems.length - shown.length} more)` : '';
    throw new Error(`${CAMERAS_FILE_ENV} ${label}: ${shown.join('\n  ')}${more}`);
  };
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, '')); // tolerate the BOM Windows editors write
  } catch (error) {
    return fail([`not valid JSON (${(error as Error).message})`]);
  }
  if (!Array.isArray(json)) return fail(['expected a JSON array of cameras [{id, name, unit, location: [lng, lat], hls}]']);
  if (json.length === 0) return fail(['the array is empty: list at least one camera, or unset the variable for the simulated ones']);

  const problems: string[] = [];
  const cameras: ExternalCameraDefinition[] = [];
  const firstIndexOf = new Map<string, number>();
  json.forEach((entry: unknown, index) => {
    const parsed = Camera.safeParse(entry);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push(`${fieldOf(index, issue.path)}: ${issue.message}`);
      return;
    }
    const camera = parsed.data;
    const before = problems.length;
    if (!hierarchy.get(camera.unit)) problems.push(`[${index}].unit: no unit ${camera.unit} in the hierarchy`);
    if (!isAbsoluteHttpUrl(camera.hls)) problems.push(`[${index}].hls: must be an absolute http(s) URL, got ${JSON.stringify(camera.hls)}`);
    const earlier = firstIndexOf.get(camera.id);
    if (earlier !== undefined) problems.push(`[${index}].id: ${JSON.stringify(camera.id)} is already the id of [${earlier}]`);
    else firstIndexOf.set(camera.id, index);
    if (problems.length === before) cameras.push({ id: camera.id, name: camera.name, unit: camera.unit, location: [camera.location[0], camera.location[1]], hls: camera.hls });
  });
  if (problems.length > 0) return fail(problems);
  return cameras;
}

/** `[12].location.0`: the entry's index, then the field's path inside it. */
function fieldOf(index: number, path: readonly PropertyKey[]): string {
  return `[${index}]${path.map((key) => `.${String(key)}`).join('')}`;
}

function isAbsoluteHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.host !== '';
  } catch {
    return false;
  }
}
