// The wall's main-process core, as the shells (Electron, browser shell) use it.
export { createWallCore, type WallCore, type WallCoreStatus } from './wallCore';
export { loadWallConfig, type WallConfig, type PlayerConfig } from './wallConfig';
export type { ViewPort, UnresponsiveView } from './viewHost';
export { CoreError, errorBody } from './coreError';
export { createLogger, silentLogger, type Logger, type LogLevel } from './logger';
export { controlPlayer, type Player, type PlayerSink } from './player';
export { ReplayPlayer } from './replayPlayer';
export { readJournalEvents, listJournalFiles, type JournalEntry, type JournalRecord } from './journal';
export { loadEvents, loadRecording, readEventLines, type Recording } from './eventFile';
