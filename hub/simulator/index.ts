/**
 * The city simulator: a deterministic (seeded, `HUB_SEED`, default 1) stand-in for the people
 * and sensors of Chongqing that drives the hub THROUGH ITS COMMAND PATH, as real clients do.
 *
 * The hub server constructs and starts it:
 *
 * ```ts
 * const simulator = new Simulator(ports, { seed: seedFromEnv(), speed: 1 });
 * simulator.start();                              // samples, everyday cases, camera flaps, episodes
 * await simulator.runEpisode('river-fluoride');   // on demand; resolves when the script ends
 * simulator.stop();
 * ```
 *
 * `SimulatorPorts` (see ./types):
 * - `hierarchy` — `loadHierarchy()` from hub/hierarchy.
 * - `now()` — the hub's clock (ms epoch). Timestamps and due times use it; the tick itself runs on
 *   `setTimeout` every second, so a test with fake timers should fake `Date` too.
 * - `command(asUnit, cmd)` — issue a protocol command as the duty user of that unit; the ack.
 * - `publishSamples(samples)` — becomes an `indicator.samples` event (batches of ≤ 500, all
 *   1,500 indicators every second).
 * - `publishCameraStatus(id, status)` — becomes a `camera.status` event.
 * - `onEvent(listener)` — every appended event; the simulator reacts to incident and task events.
 * - `isHumanStaffed(unit)` — true while an operator console of that unit is connected; the
 *   simulator then never acts as that unit (it asks again before every step).
 *
 * What it does:
 * - Everyday cases (`incident.report` by grids and streets) at `incidentsPerMinute × speed`
 *   (default 3 a minute), over the six boards, severity mostly 3–4.
 * - Lower centres nobody staffs: the owning street (district for severity ≤ 2) dispatches each
 *   case; assignees accept, sometimes return (3%) or pass down, arrive and feed back; the
 *   dispatcher closes and evaluates only when neither it nor the original dispatcher is staffed.
 * - Indicator samples every second: daily rhythm, smooth noise, anomalies past warn/alarm.
 * - Episodes of FIELD.md: `street-emergency` (≈50 simulated minutes), `river-fluoride`
 *   (≈55 minutes: two days compressed), `rainstorm-flood` (≈45 minutes).
 * - `speed` compresses simulated time: delays and episodes run `speed`× faster and cases come
 *   `speed`× more often. Samples stay one per second.
 */
export { seedFromEnv, Simulator, type SimulatorStats } from './simulator';
export { EPISODE_NAMES, type EpisodeName, type SimulatorOptions, type SimulatorPorts } from './types';
export { TASK_DELAYS } from './lowerCentres';
export { INCIDENT_KINDS } from './incidentKinds';
