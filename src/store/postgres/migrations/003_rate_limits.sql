-- Rate-limit counters shared by every instance (fixed windows, as express-rate-limit's MemoryStore):
-- a client gets the same limit whichever instance the load balancer sends it to.
CREATE TABLE rate_limit_hits (
  limiter  text NOT NULL,
  key      text NOT NULL,
  hits     integer NOT NULL,
  reset_at timestamptz NOT NULL,
  PRIMARY KEY (limiter, key)
);
