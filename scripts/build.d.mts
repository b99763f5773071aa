export const projectRoot: string;
export function buildElectron(): Promise<void>;
export function buildRenderer(): Promise<void>;
export function rendererIsStale(): boolean;
export function newestMtime(dir: string): number;
