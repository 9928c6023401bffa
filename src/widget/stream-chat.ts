// One chat turn against POST /api/chat: sources first, answer text as it streams, the full payload last.
import type { AnswerPayload, AnswerSource, AskRequest } from "../answer/answer-payload.ts";
import { ChatStreamError } from "./chat-stream-error.ts";
import { readServerSentEvents } from "./parse-sse-stream.ts";
import { readAnswerPayload, readSources } from "./read-answer-payload.ts";

export interface StreamChatOptions {
  /** Base URL of the Review Chat server, e.g. "https://chat.example.org/". */
  server: string;
  request: AskRequest;
  signal: AbortSignal;
  onSources?: (sources: AnswerSource[]) => void;
  onDelta?: (text: string) => void;
}

/** Resolve a server path ("api/chat", "docs/guan2024") against the configured base URL. */
export function serverUrl(server: string, path: string): string {
  const base = server.endsWith("/") ? server : `${server}/`;
  return new URL(path, base).href;
}

function parseJson(data: string): unknown {
  try {
    return JSON.parse(data);
  } catch {
    return undefined;
  }
}

function serverError(body: unknown, fallback: string): ChatStreamError {
  const error = (body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
  const message = typeof error?.message === "string" && error.message ? error.message : fallback;
  return new ChatStreamError("server", message, { code: typeof error?.code === "string" ? error.code : undefined });
}

/**
 * Ask one question and stream the answer. Resolves with the `done` payload; rejects with a
 * ChatStreamError whose `kind` says whether the server was unreachable, refused, broke off, or was stopped.
 */
export async function streamChat(options: StreamChatOptions): Promise<AnswerPayload> {
  const { signal } = options;
  const aborted = () => new ChatStreamError("aborted", "Stopped.");
  let response: Response;
  try {
    response = await fetch(serverUrl(options.server, "api/chat"), {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "text/event-stream" },
      body: JSON.stringify(options.request),
      signal,
      credentials: "omit",
    });
  } catch (cause) {
    if (signal.aborted) throw aborted();
    throw new ChatStreamError("unreachable", "Cannot reach the Review Chat server. Check your connection and try again.", {
      cause,
    });
  }
  if (!response.ok || !response.body) {
    const body = await response.text().then(parseJson, () => undefined);
    throw serverError(body, `The server answered with status ${response.status}.`);
  }
  try {
    for await (const { event, data } of readServerSentEvents(response.body)) {
      if (event === "sources") options.onSources?.(readSources(parseJson(data)));
      else if (event === "delta") {
        const delta = (parseJson(data) as { text?: unknown } | undefined)?.text;
        if (typeof delta === "string" && delta) options.onDelta?.(delta);
      } else if (event === "done") return readAnswerPayload(parseJson(data));
      else if (event === "error") throw serverError(parseJson(data), "The server could not answer this question.");
    }
  } catch (error) {
    if (signal.aborted) throw aborted();
    if (ChatStreamError.isInstance(error)) throw error;
    throw new ChatStreamError("interrupted", "The connection broke off before the answer was complete.", { cause: error });
  }
  if (signal.aborted) throw aborted();
  throw new ChatStreamError("interrupted", "The connection closed before the answer was complete.");
}
