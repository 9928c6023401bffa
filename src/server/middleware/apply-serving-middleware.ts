// Everything between the socket and the routes: trust proxy, request ids and logs, metrics,
// draining on shutdown, security headers, CORS, rate limits, the response deadline and the
// pacing of answers.
import type { Express } from "express";
import type { ServerContext } from "../context.ts";
import { type Logger, createHttpLogger, createLogger } from "../logger.ts";
import { httpMetrics } from "../metrics.ts";
import { answerPacing } from "./answer-pacing.ts";
import { apiCors } from "./api-cors.ts";
import { InFlightRequests } from "./in-flight-requests.ts";
import { QUESTION_PATHS, adminRateLimit, questionRateLimit } from "./question-rate-limit.ts";
import { requestTimeout } from "./request-timeout.ts";
import { securityHeaders } from "./security-headers.ts";

/** What shutdown and the process glue need from a running app. */
export interface ServingState {
  logger: Logger;
  inFlight: InFlightRequests;
}

const states = new WeakMap<ServerContext, ServingState>();

/** The serving state of the app built for `ctx`, once `applyServingMiddleware` has run. */
export function servingStateOf(ctx: ServerContext): ServingState | undefined {
  return states.get(ctx);
}

/**
 * Install the serving middleware; call it once, before the body parser and the routes.
 *
 * @example
 * const app = express();
 * applyServingMiddleware(app, ctx);
 * app.use(express.json({ limit: MAX_BODY_BYTES }));
 */
export function applyServingMiddleware(app: Express, ctx: ServerContext, options: { logger?: Logger } = {}): ServingState {
  const { config } = ctx;
  const logger = options.logger ?? createLogger(config);
  const inFlight = new InFlightRequests();
  const state = { logger, inFlight };
  states.set(ctx, state);

  app.set("trust proxy", config.trustProxy);
  app.use(createHttpLogger(logger, config));
  app.use(httpMetrics());
  app.use(inFlight.middleware());
  app.use(securityHeaders(config));
  app.use(apiCors(config));
  // With DATABASE_URL the counters are shared by every instance.
  const limit = questionRateLimit(config, logger, ctx.postgres?.db);
  if (limit) app.use(QUESTION_PATHS, limit);
  app.use("/api/admin", adminRateLimit(logger, ctx.postgres?.db));
  app.use(requestTimeout(config));
  app.use(QUESTION_PATHS, answerPacing());
  return state;
}
