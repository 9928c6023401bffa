// express-rate-limit counters in the shared store, so RATE_LIMIT_MAX holds across all instances
// (per instance it would let a client through once per instance). One statement per question; if
// the database fails, the limiter fails open (passOnStoreError), as for the other stores.
import type { ClientRateLimitInfo, Options, Store } from "express-rate-limit";
import type { Database } from "./database.ts";

/** Expired counters are deleted every this many increments (an index scan on a small table). */
const PRUNE_EVERY = 1_000;

interface Row {
  hits: number;
  reset_at: Date;
}

const toInfo = (row: Row): ClientRateLimitInfo => ({ totalHits: row.hits, resetTime: row.reset_at });

export class PostgresRateLimitStore implements Store {
  readonly localKeys = false;
  private windowMs = 60_000;
  private increments = 0;

  /** `limiter` keeps the counters of different limiters apart. */
  constructor(
    private readonly db: Database,
    readonly limiter: string,
  ) {}

  init(options: Options): void {
    this.windowMs = options.windowMs;
  }

  async get(key: string): Promise<ClientRateLimitInfo | undefined> {
    const { rows } = await this.db.query<Row>(
      "SELECT hits, reset_at FROM rate_limit_hits WHERE limiter = $1 AND key = $2 AND reset_at > now()",
      [this.limiter, key],
    );
    return rows[0] ? toInfo(rows[0]) : undefined;
  }

  async increment(key: string): Promise<ClientRateLimitInfo> {
    if (++this.increments % PRUNE_EVERY === 0) {
      await this.db.query("DELETE FROM rate_limit_hits WHERE reset_at < now()");
    }
    const { rows } = await this.db.query<Row>(
      `INSERT INTO rate_limit_hits (limiter, key, hits, reset_at) VALUES ($1, $2, 1, now() + $3 * interval '1 millisecond')
       ON CONFLICT (limiter, key) DO UPDATE SET
         hits = CASE WHEN rate_limit_hits.reset_at <= now() THEN 1 ELSE rate_limit_hits.hits + 1 END,
         reset_at = CASE WHEN rate_limit_hits.reset_at <= now() THEN EXCLUDED.reset_at ELSE rate_limit_hits.reset_at END
       RETURNING hits, reset_at`,
      [this.limiter, key, this.windowMs],
    );
    return toInfo(rows[0]!);
  }

  async decrement(key: string): Promise<void> {
    await this.db.query(
      "UPDATE rate_limit_hits SET hits = greatest(hits - 1, 0) WHERE limiter = $1 AND key = $2 AND reset_at > now()",
      [this.limiter, key],
    );
  }

  async resetKey(key: string): Promise<void> {
    await this.db.query("DELETE FROM rate_limit_hits WHERE limiter = $1 AND key = $2", [this.limiter, key]);
  }
}
