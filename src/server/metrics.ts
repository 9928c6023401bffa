// Prometheus metrics (prom-client): HTTP traffic per route, answers by mode, refusals, LLM
// fallbacks, rate limiting, timeouts, ingests and index swaps. One registry per process; under
// WORKERS=n, GET /metrics on any worker returns the sum over all workers (gathered by the primary).
import cluster from "node:cluster";
import type { RequestHandler, Response } from "express";
import { AggregatorRegistry, Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import { primaryChannel } from "./cluster-ipc.ts";

export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry });

if (cluster.isWorker) {
  // Lets the primary's AggregatorRegistry collect this worker's registry.
  AggregatorRegistry.setRegistries([metricsRegistry]);
  new AggregatorRegistry();
}

const registers = [metricsRegistry];

const httpRequests = new Counter({
  name: "review_chat_http_requests_total",
  help: "HTTP requests by method, route pattern and status code",
  labelNames: ["method", "route", "status"] as const,
  registers,
});

const httpDuration = new Histogram({
  name: "review_chat_http_request_duration_seconds",
  help: "Time from request to the end of the response (whole stream for /api/chat)",
  labelNames: ["method", "route", "status"] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
  registers,
});

const answers = new Counter({
  name: "review_chat_answers_total",
  help: "Answers given, by mode (extractive|llm) and whether they were refusals",
  labelNames: ["mode", "refused"] as const,
  registers,
});

const refusals = new Counter({
  name: "review_chat_refusals_total",
  help: "Answers that said the reviews do not cover the question",
  labelNames: ["mode"] as const,
  registers,
});

const llmFallbacks = new Counter({
  name: "review_chat_llm_fallbacks_total",
  help: "LLM answers replaced by the extractive answer, by reason (error, timeout, …)",
  labelNames: ["reason"] as const,
  registers,
});

const rateLimited = new Counter({
  name: "review_chat_rate_limited_total",
  help: "Requests refused with 429 by the per-IP rate limit",
  labelNames: ["route"] as const,
  registers,
});

const timeouts = new Counter({
  name: "review_chat_request_timeouts_total",
  help: "Requests answered 503 because no response had started within REQUEST_TIMEOUT_MS",
  labelNames: ["route"] as const,
  registers,
});

const ingests = new Counter({
  name: "review_chat_ingests_total",
  help: "Admin ingests by result (built, unchanged, failed, conflict)",
  labelNames: ["result"] as const,
  registers,
});

const ingestRunning = new Gauge({
  name: "review_chat_ingest_running",
  help: "1 while an admin ingest is running",
  registers,
});

const indexSwaps = new Counter({
  name: "review_chat_index_swaps_total",
  help: "Times a newly published index replaced the one being served",
  registers,
});

const indexChunks = new Gauge({
  name: "review_chat_index_chunks",
  help: "Chunks in the index being served",
  registers,
  aggregator: "max",
});

type InFlightSource = () => { requests: number; streams: number };
const inFlightSources = new Set<InFlightSource>();

new Gauge({
  name: "review_chat_in_flight_requests",
  help: "Requests being answered right now",
  registers,
  collect() {
    this.set([...inFlightSources].reduce((sum, source) => sum + source().requests, 0));
  },
});

new Gauge({
  name: "review_chat_open_streams",
  help: "Server-sent event streams (/api/chat) open right now",
  registers,
  collect() {
    this.set([...inFlightSources].reduce((sum, source) => sum + source().streams, 0));
  },
});

export interface AnswerOutcome {
  mode: "extractive" | "llm";
  refused: boolean;
  /** True when LLM mode was asked for but the extractive answer was given instead. */
  fallback?: boolean;
  /** Why the LLM answer was replaced: "timeout", "rate_limited", "error", "bad_response", … */
  fallbackReason?: string;
}

/**
 * Count one answer. Call it once per answered question, in /api/ask and /api/chat alike.
 *
 * @example
 * recordAnswer({ mode: answer.mode, refused: answer.refused, fallback: true, fallbackReason: "timeout" });
 */
export function recordAnswer(outcome: AnswerOutcome): void {
  answers.inc({ mode: outcome.mode, refused: String(outcome.refused) });
  if (outcome.refused) refusals.inc({ mode: outcome.mode });
  if (outcome.fallback) llmFallbacks.inc({ reason: outcome.fallbackReason ?? "error" });
}

/** The metrics view of an answer; `fallbackReason` is what the answerer's `onLlmFallback` reported, if it did. */
export function answerOutcome(payload: { mode: "extractive" | "llm"; refused: boolean }, fallbackReason?: string): AnswerOutcome {
  if (!fallbackReason) return { mode: payload.mode, refused: payload.refused };
  return { mode: payload.mode, refused: payload.refused, fallback: true, fallbackReason };
}

export const recordRateLimited = (route: string) => rateLimited.inc({ route });
export const recordTimeout = (route: string) => timeouts.inc({ route });
export const recordIngest = (result: "built" | "unchanged" | "failed" | "conflict") => ingests.inc({ result });

/** Marks an admin ingest as running until the returned function is called. */
export function trackIngestRunning(): () => void {
  ingestRunning.inc();
  return () => ingestRunning.dec();
}

export function recordIndexSwap(chunkCount: number): void {
  indexSwaps.inc();
  indexChunks.set(chunkCount);
}

export function recordIndexLoaded(chunkCount: number): void {
  indexChunks.set(chunkCount);
}

/** Adds a source of in-flight request/stream counts (one per running app); returns its removal. */
export function registerInFlightSource(source: InFlightSource): () => void {
  inFlightSources.add(source);
  return () => inFlightSources.delete(source);
}

/**
 * The route pattern a request matched ("/api/documents/:id"), never the raw path: random paths from
 * crawlers and fuzzers must not create a label each. Middleware that answers before routing (rate
 * limit, timeouts) names the route through `res.locals.routeLabel`.
 */
export function routeLabel(req: { baseUrl?: string; route?: { path?: unknown } }, res: Response): string {
  const pattern = req.route?.path;
  if (typeof pattern === "string") return `${req.baseUrl ?? ""}${pattern}`;
  const named = res.locals.routeLabel;
  if (typeof named === "string") return named;
  return "unmatched";
}

/** Counts and times every request, labelled by method, route pattern and status. */
export function httpMetrics(): RequestHandler {
  return (req, res, next) => {
    const stop = httpDuration.startTimer();
    res.once("close", () => {
      // Express leaves req.route at the last matched route; read it once the response is over.
      const labels = { method: req.method, route: routeLabel(req, res), status: String(res.statusCode) };
      httpRequests.inc(labels);
      stop(labels);
    });
    next();
  };
}

let aggregator: AggregatorRegistry<"text/plain; version=0.0.4; charset=utf-8"> | undefined;

/** The primary's answer to a worker asking for the cluster's metrics. */
export function clusterMetricsText(): Promise<string> {
  aggregator ??= new AggregatorRegistry();
  return aggregator.clusterMetrics();
}

/** The metrics text for GET /metrics: this process, or the whole cluster when run as a worker. */
export async function renderMetrics(): Promise<{ contentType: string; body: string }> {
  const channel = primaryChannel();
  const body = channel ? await channel.request<string>("metrics", null, 10_000) : await metricsRegistry.metrics();
  return { contentType: metricsRegistry.contentType, body };
}
