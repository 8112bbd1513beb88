/**
 * Paces sends to a provider's rate: `ratePerSecond` tokens a second, bursts of at most one
 * second's worth. Pure: the caller passes the clock, and is told how long to wait.
 */
export class TokenBucket {
  private tokens: number
  private updatedAt: number

  constructor(
    private readonly ratePerSecond: number,
    now: number
  ) {
    this.tokens = ratePerSecond
    this.updatedAt = now
  }

  /**
   * Takes `count` tokens and returns how many milliseconds to wait before using them (0 when
   * they are there now). Going into debt is what makes successive callers queue up fairly.
   */
  take(count: number, now: number): number {
    this.tokens = Math.min(this.ratePerSecond, this.tokens + ((now - this.updatedAt) / 1000) * this.ratePerSecond)
    this.updatedAt = now
    this.tokens -= count
    return this.tokens >= 0 ? 0 : Math.ceil((-this.tokens / this.ratePerSecond) * 1000)
  }
}
