// Slows password guessing: after `maxFailures` failed logins for one username from one address
// within `windowMs`, further attempts are refused (429) until the window has passed.
export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly now: () => number,
    private readonly maxFailures = 10,
    private readonly windowMs = 60_000,
  ) {}

  isLimited(username: string, ip: string): boolean {
    return this.recent(`${username}\u0000${ip}`).length >= this.maxFailures;
  }

  recordFailure(username: string, ip: string): void {
    const key = `${username}\u0000${ip}`;
    const recent = this.recent(key);
    recent.push(this.now());
    this.failures.set(key, recent);
    if (this.failures.size > 10_000) this.prune();
  }

  recordSuccess(username: string, ip: string): void {
    this.failures.delete(`${username}\u0000${ip}`);
  }

  private recent(key: string): number[] {
    const since = this.now() - this.windowMs;
    return (this.failures.get(key) ?? []).filter((t) => t > since);
  }

  private prune(): void {
    for (const key of [...this.failures.keys()]) if (this.recent(key).length === 0) this.failures.delete(key);
  }
}
