// Alert tones synthesised with WebAudio: nothing to ship or decode, and the same on every shell.
// A wall never gets a user gesture, so both shells start their views with autoplay allowed
// (`--autoplay-policy=no-user-gesture-required`).

export type Tone = 'inbox' | 'overdue';

/** [frequency Hz, duration ms] notes: a rising two-note chime for new work, a falling alarm for overdue. */
const NOTES: Record<Tone, readonly (readonly [number, number])[]> = {
  inbox: [
    [880, 140],
    [1320, 220],
  ],
  overdue: [
    [660, 180],
    [440, 180],
    [660, 180],
    [440, 300],
  ],
};

/** Fired on `window` for every tone played: what the status line and the browser tests listen to. */
export const TONE_EVENT = 'wall:tone';

let context: AudioContext | null = null;

/** Plays a tone; false where the page has no audio (then only the banner shows). */
export function playTone(tone: Tone): boolean {
  window.dispatchEvent(new CustomEvent(TONE_EVENT, { detail: tone }));
  if (typeof AudioContext === 'undefined') return false;
  try {
    context ??= new AudioContext();
    void context.resume();
    let at = context.currentTime;
    for (const [frequency, ms] of NOTES[tone]) {
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.frequency.value = frequency;
      // a short attack and release: no clicks on the hall's speakers
      gain.gain.setValueAtTime(0, at);
      gain.gain.linearRampToValueAtTime(0.25, at + 0.01);
      gain.gain.linearRampToValueAtTime(0, at + ms / 1000);
      oscillator.connect(gain).connect(context.destination);
      oscillator.start(at);
      oscillator.stop(at + ms / 1000);
      at += ms / 1000 + 0.03;
    }
    return true;
  } catch {
    return false;
  }
}
