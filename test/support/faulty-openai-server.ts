// A local server speaking the OpenAI chat-completions protocol (streamed and not), standing in for
// a hosted LLM that misbehaves. The model name of each request picks the behaviour, so one stub
// serves every failure mode:
//   "ok"          a cited answer, streamed in pieces
//   "slow"        the same, one piece every SLOW_PIECE_MS (for drain tests)
//   "error-500"   HTTP 500 with an error body
//   "rate-429"    HTTP 429 with Retry-After: 1
//   "malformed"   HTTP 200 whose body is not JSON (nor valid SSE JSON)
//   "cut"         a stream that stops mid-answer: the socket is destroyed, no [DONE]
//   "hang"        headers never come
import http from "node:http";
import { listenOnLoopback } from "./listen-on-loopback.ts";

export type StubMode = "ok" | "slow" | "error-500" | "rate-429" | "malformed" | "cut" | "hang";

export const SLOW_PIECE_MS = 150;
const ANSWER_PIECES = ["MicroRNAs ", "restore drug ", "sensitivity by ", "silencing efflux ", "pumps and ", "anti-apoptotic ", "genes [1]."];

export interface FaultyOpenAiServer {
  /** Base URL for LLM_BASE_URL (ends in /v1). */
  baseUrl: string;
  /** Requests received per mode. */
  requests: Map<string, number>;
  /** Responses not yet finished or closed: answers still streaming to a caller that may be gone. */
  activeResponses(): number;
  close(): Promise<void>;
}

function chunk(content: string | null, finish: string | null = null) {
  return JSON.stringify({
    id: "chatcmpl-stub",
    object: "chat.completion.chunk",
    created: 1_700_000_000,
    model: "stub",
    choices: [{ index: 0, delta: content === null ? {} : { role: "assistant", content }, finish_reason: finish }],
  });
}

async function streamAnswer(res: http.ServerResponse, pieceDelayMs: number, cutAfter?: number) {
  res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
  for (const [i, piece] of ANSWER_PIECES.entries()) {
    if (cutAfter !== undefined && i === cutAfter) {
      res.socket?.destroy();
      return;
    }
    res.write(`data: ${chunk(piece)}\n\n`);
    if (pieceDelayMs) await new Promise((resolve) => setTimeout(resolve, pieceDelayMs));
    if (res.destroyed) return;
  }
  res.write(`data: ${chunk(null, "stop")}\n\n`);
  res.end("data: [DONE]\n\n");
}

function completion(res: http.ServerResponse) {
  res.writeHead(200, { "content-type": "application/json" });
  res.end(
    JSON.stringify({
      id: "chatcmpl-stub",
      object: "chat.completion",
      created: 1_700_000_000,
      model: "stub",
      choices: [{ index: 0, message: { role: "assistant", content: ANSWER_PIECES.join("") }, finish_reason: "stop" }],
      usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
    }),
  );
}

export async function startFaultyOpenAiServer(): Promise<FaultyOpenAiServer> {
  const requests = new Map<string, number>();
  let active = 0;
  const server = http.createServer((req, res) => {
    active += 1;
    res.once("close", () => (active -= 1));
    let raw = "";
    req.on("data", (d) => (raw += d));
    req.on("end", () => {
      let body: { model?: string; stream?: boolean } = {};
      try {
        body = JSON.parse(raw) as typeof body;
      } catch {
        // Not a chat request; answered as an unknown mode below.
      }
      const mode = body.model ?? "unknown";
      requests.set(mode, (requests.get(mode) ?? 0) + 1);
      if (!req.url?.endsWith("/chat/completions")) {
        res.writeHead(404, { "content-type": "application/json" }).end('{"error":{"message":"not found"}}');
        return;
      }
      switch (mode as StubMode) {
        case "ok":
          if (body.stream) void streamAnswer(res, 0);
          else completion(res);
          return;
        case "slow":
          void streamAnswer(res, SLOW_PIECE_MS);
          return;
        case "error-500":
          res.writeHead(500, { "content-type": "application/json" });
          res.end('{"error":{"message":"The server had an error while processing your request.","type":"server_error"}}');
          return;
        case "rate-429":
          res.writeHead(429, { "content-type": "application/json", "retry-after": "1" });
          res.end('{"error":{"message":"Rate limit reached","type":"requests","code":"rate_limit_exceeded"}}');
          return;
        case "malformed":
          if (body.stream) {
            res.writeHead(200, { "content-type": "text/event-stream" });
            res.end('data: {"choices": [{"delta": {"content": "Micro\n\ndata: }}}not json at all\n\n');
          } else {
            res.writeHead(200, { "content-type": "application/json" }).end("{not json");
          }
          return;
        case "cut":
          void streamAnswer(res, 20, 3);
          return;
        case "hang":
          // Keep the socket open and say nothing.
          return;
        default:
          res.writeHead(400, { "content-type": "application/json" }).end(`{"error":{"message":"unknown stub model ${mode}"}}`);
      }
    });
  });
  const { port, close } = await listenOnLoopback(server);
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    activeResponses: () => active,
    close,
  };
}
