// A local OpenAI chat-completions server whose replies a test writes: given the request (model,
// messages, stream flag), return the text to send — streamed as `chat.completion.chunk` events in
// several pieces ending in `data: [DONE]`, or as one `chat.completion` — or an HTTP error, or
// "hang" to accept the request and never answer. Every request is recorded for assertions.
import http from "node:http";
import { listenOnLoopback } from "./listen-on-loopback.ts";

export interface StubRequest {
  model: string;
  stream: boolean;
  messages: { role: string; content: string }[];
}

export type StubReply = string | { status: number; message: string } | "hang";

export interface OpenAiStub {
  /** For LLM_BASE_URL: http://127.0.0.1:<port>/v1 */
  baseUrl: string;
  requests: StubRequest[];
  /** Requests whose connection the client has closed (e.g. an aborted generation). */
  closedByClient(): number;
  close(): Promise<void>;
}

const chunkEvent = (delta: Record<string, string>, finish: string | null = null) =>
  `data: ${JSON.stringify({
    id: "chatcmpl-stub",
    object: "chat.completion.chunk",
    created: 1_700_000_000,
    model: "stub",
    choices: [{ index: 0, delta, finish_reason: finish }],
  })}\n\n`;

/** Split text into ~4-character pieces, the way tokens arrive (markers get split across pieces). */
function pieces(text: string): string[] {
  return text.match(/[\s\S]{1,4}/g) ?? [];
}

export interface StubOptions {
  /** Pause before each streamed piece (default 2 ms); a long one keeps a stream open for a UI test. */
  pieceDelayMs?: number;
}

export async function startOpenAiStub(reply: (request: StubRequest) => StubReply, options: StubOptions = {}): Promise<OpenAiStub> {
  const pieceDelayMs = options.pieceDelayMs ?? 2;
  const requests: StubRequest[] = [];
  let closedByClient = 0;
  const server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (d: Buffer) => (raw += d.toString()));
    req.on("end", async () => {
      if (req.method !== "POST" || !req.url?.endsWith("/chat/completions")) {
        res.writeHead(404, { "content-type": "application/json" }).end('{"error":{"message":"not found"}}');
        return;
      }
      const body = JSON.parse(raw) as { model: string; stream?: boolean; messages: StubRequest["messages"] };
      const request: StubRequest = { model: body.model, stream: Boolean(body.stream), messages: body.messages };
      requests.push(request);
      let answer: StubReply;
      try {
        answer = reply(request);
      } catch (error) {
        answer = { status: 500, message: `stub reply failed: ${String(error)}` };
      }
      if (answer === "hang") {
        res.once("close", () => (closedByClient += 1));
        return;
      }
      if (typeof answer !== "string") {
        res.writeHead(answer.status, { "content-type": "application/json" });
        res.end(JSON.stringify({ error: { message: answer.message, type: "server_error" } }));
        return;
      }
      if (!request.stream) {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(
          JSON.stringify({
            id: "chatcmpl-stub",
            object: "chat.completion",
            created: 1_700_000_000,
            model: request.model,
            choices: [{ index: 0, message: { role: "assistant", content: answer }, finish_reason: "stop" }],
            usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
          }),
        );
        return;
      }
      res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
      res.once("close", () => {
        if (!res.writableFinished) closedByClient += 1;
      });
      res.write(chunkEvent({ role: "assistant", content: "" }));
      for (const piece of pieces(answer)) {
        if (res.destroyed) return;
        res.write(chunkEvent({ content: piece }));
        await new Promise((resolve) => setTimeout(resolve, pieceDelayMs));
      }
      res.write(chunkEvent({}, "stop"));
      res.end("data: [DONE]\n\n");
    });
  });
  const { port, close } = await listenOnLoopback(server);
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    closedByClient: () => closedByClient,
    close,
  };
}
