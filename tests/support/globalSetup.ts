import { buildRenderer, rendererIsStale } from '../../scripts/build.mjs';

/** Builds the views once before end-to-end tests when their sources are newer than the build. */
export default async function setup(): Promise<void> {
  if (rendererIsStale()) await buildRenderer();
}
