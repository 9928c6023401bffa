// Rate-limit counters in a real PostgreSQL 15: two instances (two pools) count one client together,
// and windows expire and reset as express-rate-limit expects.
import type { Options } from "express-rate-limit";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type PostgresCluster, skipReason, startPostgresCluster } from "../../../test/support/postgres-cluster.ts";
import { type Database, openDatabase } from "./database.ts";
import { migrate } from "./migrate.ts";
import { PostgresRateLimitStore } from "./postgres-rate-limit-store.ts";

let cluster: PostgresCluster | null;
const pools: Database[] = [];

beforeAll(async () => {
  cluster = await startPostgresCluster();
  if (!cluster) console.warn(`Skipping the shared rate-limit tests: ${skipReason()}`);
});

afterAll(async () => {
  await Promise.all(pools.map((db) => db.end()));
  await cluster?.stop();
});

async function twoInstances(windowMs: number) {
  const url = await cluster!.createDatabase();
  const [a, b] = [openDatabase(url), openDatabase(url)];
  pools.push(a, b);
  await migrate(a);
  const stores = [new PostgresRateLimitStore(a, "questions"), new PostgresRateLimitStore(b, "questions")] as const;
  for (const store of stores) store.init({ windowMs } as Options);
  return stores;
}

it("counts one client's requests across instances, and decrements and resets them", async (context) => {
  if (!cluster) return context.skip();
  const [a, b] = await twoInstances(60_000);
  await a.increment("203.0.113.7");
  await b.increment("203.0.113.7");
  const third = await a.increment("203.0.113.7");
  expect(third.totalHits).toBe(3);
  expect(third.resetTime!.getTime()).toBeGreaterThan(Date.now() + 50_000);
  expect((await b.increment("198.51.100.1")).totalHits).toBe(1);
  await b.decrement("203.0.113.7");
  expect((await a.get("203.0.113.7"))?.totalHits).toBe(2);
  // Another limiter's counters are its own.
  const admin = new PostgresRateLimitStore(pools.at(-1)!, "admin");
  admin.init({ windowMs: 60_000 } as Options);
  expect((await admin.increment("203.0.113.7")).totalHits).toBe(1);
  await a.resetKey("203.0.113.7");
  expect(await b.get("203.0.113.7")).toBeUndefined();
});

it("starts a new window once the old one has passed", async (context) => {
  if (!cluster) return context.skip();
  const [a, b] = await twoInstances(300);
  await a.increment("203.0.113.9");
  expect((await b.increment("203.0.113.9")).totalHits).toBe(2);
  await new Promise((resolve) => setTimeout(resolve, 400));
  expect(await a.get("203.0.113.9")).toBeUndefined();
  expect((await b.increment("203.0.113.9")).totalHits).toBe(1);
});
