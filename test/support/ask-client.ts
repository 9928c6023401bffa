// Calls to /api/ask and /api/chat over real HTTP, with the SSE stream parsed into events in order.
import type { AnswerPayload } from "../../src/answer/answer-payload.ts";

export interface SseEvent {
  event: string;
  data: unknown;
}

export async function postJson(url: string, body: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

export async function ask(baseUrl: string, body: unknown): Promise<{ status: number; payload: AnswerPayload; ms: number }> {
  const started = Date.now();
  const { status, body: payload } = await postJson(`${baseUrl}/api/ask`, body);
  return { status, payload: payload as unknown as AnswerPayload, ms: Date.now() - started };
}

/** Parse `event: x\ndata: {...}\n\n` blocks. */
export function parseSse(text: string): SseEvent[] {
  return text
    .split("\n\n")
    .filter((block) => block.trim())
    .map((block) => ({
      event: /^event: (.+)$/m.exec(block)?.[1] ?? "message",
      data: JSON.parse(/^data: (.*)$/m.exec(block)?.[1] ?? "null") as unknown,
    }));
}

export async function chat(baseUrl: string, body: unknown): Promise<{ status: number; contentType: string; events: SseEvent[]; ms: number }> {
  const started = Date.now();
  const res = await fetch(`${baseUrl}/api/chat`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const text = await res.text();
  const contentType = res.headers.get("content-type") ?? "";
  return { status: res.status, contentType, events: contentType.startsWith("text/event-stream") ? parseSse(text) : [], ms: Date.now() - started };
}
