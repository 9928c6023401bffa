// The conversation survives a page reload through sessionStorage: per tab, gone when the tab closes,
// which suits questions readers may not want kept. Storage can be full, disabled or hold garbage
// written by another version; none of that may break the widget.
import type { AnswerPayload } from "../answer/answer-payload.ts";
import { readAnswerPayload } from "./read-answer-payload.ts";

export interface UserMessage {
  role: "user";
  content: string;
}

export interface AssistantMessage {
  role: "assistant";
  /** The answer text so far (the whole answer once done). */
  content: string;
  status: "done" | "stopped" | "error";
  payload?: AnswerPayload;
  /** What went wrong, shown with a retry button. */
  error?: string;
}

export type ChatMessage = UserMessage | AssistantMessage;

/** Enough for a long session without nearing the storage quota (payloads carry passage text). */
const MAX_STORED_MESSAGES = 40;
const VERSION = 1;

export class ConversationStore {
  constructor(private readonly key: string) {}

  load(): ChatMessage[] {
    let raw: string | null;
    try {
      raw = sessionStorage.getItem(this.key);
    } catch {
      return [];
    }
    if (!raw) return [];
    try {
      const stored = JSON.parse(raw) as { version?: unknown; messages?: unknown };
      if (stored.version !== VERSION || !Array.isArray(stored.messages)) return [];
      return stored.messages.map(readMessage).filter((m): m is ChatMessage => m !== undefined);
    } catch {
      return [];
    }
  }

  save(messages: readonly ChatMessage[]): void {
    const kept = messages.slice(-MAX_STORED_MESSAGES);
    try {
      sessionStorage.setItem(this.key, JSON.stringify({ version: VERSION, messages: kept }));
    } catch {
      // Quota exceeded or storage disabled: the chat still works, it just will not survive a reload.
    }
  }

  clear(): void {
    try {
      sessionStorage.removeItem(this.key);
    } catch {
      // Storage disabled: nothing was stored.
    }
  }
}

function readMessage(value: unknown): ChatMessage | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const m = value as Record<string, unknown>;
  if (typeof m.content !== "string") return undefined;
  if (m.role === "user") return { role: "user", content: m.content };
  if (m.role !== "assistant") return undefined;
  const status = m.status === "stopped" || m.status === "error" ? m.status : "done";
  return {
    role: "assistant",
    content: m.content,
    status,
    ...(m.payload ? { payload: readAnswerPayload(m.payload) } : {}),
    ...(typeof m.error === "string" ? { error: m.error } : {}),
  };
}
