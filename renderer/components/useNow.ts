import { useEffect, useState } from 'react';
import { useWallStore } from '../stores/wallStore';

/** Epoch ms, refreshed every `intervalMs`: only the component that asks re-renders. */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/** The wall's "now": the replay clock while replaying, else the machine clock. */
export function useWallNow(intervalMs = 1000): number {
  const replayTime = useWallStore((s) => (s.player?.kind === 'replay' ? s.player.currentTime : null));
  const now = useNow(intervalMs);
  return replayTime === null ? now : Date.parse(replayTime);
}
