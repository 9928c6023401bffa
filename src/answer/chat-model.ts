// The LLM behind LLM mode: ChatOpenAI against OpenAI or any OpenAI-compatible server
// (vLLM, Ollama, llama.cpp), streamed, under one deadline per request.
import type { BaseMessage } from "@langchain/core/messages";
import { ChatOpenAI } from "@langchain/openai";
import type { AppConfig } from "../config.ts";
import { ReviewChatError } from "../errors.ts";

export type LlmConfig = AppConfig["llm"];

/** What answering needs from a chat model: a token stream that honours an AbortSignal. */
export interface ChatModelLike {
  stream(messages: BaseMessage[], options: { signal: AbortSignal }): Promise<AsyncIterable<{ content: unknown }>>;
}

/**
 * @example
 * const model = createChatModel(loadConfig().llm); // LLM_BASE_URL=http://127.0.0.1:11434/v1 LLM_MODEL=llama3.1
 */
export function createChatModel(config: LlmConfig): ChatOpenAI {
  return new ChatOpenAI({
    model: config.model,
    temperature: 0,
    streaming: true,
    // Compatible servers often take no key, but the OpenAI client insists on one.
    apiKey: config.apiKey ?? "not-needed",
    configuration: config.baseUrl ? { baseURL: config.baseUrl } : undefined,
    timeout: config.timeoutMs,
    // No retries: a failed call falls back to the extractive answer at once, instead of after backoff.
    maxRetries: 0,
  });
}

/** Text of a streamed chunk: a string, or the text parts of a content array. */
function chunkText(content: unknown): string {
  if (typeof content === "string") return content;
  if (Array.isArray(content)) {
    return content.map((part) => (typeof part === "object" && part && "text" in part ? String(part.text) : "")).join("");
  }
  return "";
}

/** The deadline of one LLM call, also ended by the caller's signal. */
export class LlmDeadline {
  readonly signal: AbortSignal;
  private readonly timeout: AbortSignal;

  constructor(
    readonly timeoutMs: number,
    caller?: AbortSignal,
  ) {
    this.timeout = AbortSignal.timeout(timeoutMs);
    this.signal = caller ? AbortSignal.any([caller, this.timeout]) : this.timeout;
  }

  get timedOut(): boolean {
    return this.timeout.aborted;
  }
}

/** Why a model call failed, for the fallback metrics. */
export type LlmFailureReason = "timeout" | "rate_limited" | "error";

/** The reason an `llm_failed` error carries (see `streamCompletion`). */
export function llmFailureReason(error: ReviewChatError): LlmFailureReason {
  const reason = (error.details as { reason?: LlmFailureReason } | undefined)?.reason;
  return reason ?? "error";
}

function isRateLimited(cause: unknown): boolean {
  const status = (cause as { status?: unknown } | null)?.status;
  return status === 429 || /\b429\b|rate.?limit/i.test(cause instanceof Error ? cause.message : String(cause));
}

/**
 * Stream a completion, calling `onText` per piece; resolves with the whole text. Errors, and the
 * deadline passing, become `llm_failed`; the caller's own abort is rethrown as it is.
 */
export async function streamCompletion(
  model: ChatModelLike,
  messages: BaseMessage[],
  deadline: LlmDeadline,
  onText?: (text: string) => void,
): Promise<string> {
  let text = "";
  try {
    const stream = await model.stream(messages, { signal: deadline.signal });
    for await (const chunk of stream) {
      const piece = chunkText(chunk.content);
      if (!piece) continue;
      text += piece;
      onText?.(piece);
    }
    // Some clients end the stream quietly on abort instead of throwing.
    if (deadline.signal.aborted) throw deadline.signal.reason;
  } catch (cause) {
    if (deadline.timedOut) {
      throw new ReviewChatError("llm_failed", `The language model did not finish within ${deadline.timeoutMs} ms`, {
        cause,
        details: { reason: "timeout" },
      });
    }
    if (deadline.signal.aborted) throw cause;
    // Provider messages can run over lines (troubleshooting links); the first line says what happened.
    const detail = (cause instanceof Error ? cause.message : String(cause)).split("\n")[0]!.trim().slice(0, 200);
    throw new ReviewChatError("llm_failed", `The language model failed: ${detail}`, {
      cause,
      details: { reason: isRateLimited(cause) ? "rate_limited" : "error" },
    });
  }
  return text;
}
