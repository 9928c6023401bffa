// LLM mode: the numbered passages go into prompts/answer-*.md, tokens stream out with markers that
// point at no source filtered on the fly; the caller falls back to extractive on llm_failed.
import { HumanMessage, SystemMessage } from "@langchain/core/messages";
import type { AnswerSource } from "./answer-payload.ts";
import { type ChatModelLike, type LlmDeadline, streamCompletion } from "./chat-model.ts";
import { MarkerStreamFilter, sanitizeCitationMarkers } from "./citation-markers.ts";
import { fillPrompt, loadPrompt } from "./prompt-templates.ts";

/** What the model is told to say when the passages do not answer; recognised to set `refused`. */
export const LLM_REFUSAL = "The reviews do not cover this.";

export interface LlmAnswerInput {
  question: string;
  sources: readonly AnswerSource[];
  /** "Guan et al. (2024)" for a document id, to tell the model where each passage comes from. */
  label: (docId: string) => string;
  /**
   * For a question about several documents (cross-review.ts): the passages grouped by document, the
   * model asked for one paragraph per group (prompts/cross-review-user.md). `sources` still lists them all.
   */
  groups?: readonly { label: string; sources: readonly AnswerSource[] }[];
  model: ChatModelLike;
  deadline: LlmDeadline;
  onDelta?: (text: string) => void;
}

export interface LlmAnswer {
  /** The answer with only valid markers left. */
  text: string;
  /** The model said the passages do not answer. */
  refused: boolean;
  /** Marker numbers the model printed that point at no source. */
  invalid: number[];
}

function formatPassages(sources: readonly AnswerSource[], label: (docId: string) => string): string {
  return sources
    .map((s) => `[${s.n}] ${label(s.docId)}, section "${s.section}"${s.kind === "table" ? " (table)" : ""}:\n${s.text.trim()}`)
    .join("\n\n");
}

function formatGroups(groups: NonNullable<LlmAnswerInput["groups"]>, label: (docId: string) => string): string {
  return groups.map((group) => `### ${group.label}\n\n${formatPassages(group.sources, label)}`).join("\n\n");
}

function isRefusal(text: string): boolean {
  const normal = (s: string) => s.toLowerCase().replace(/[^a-z ]/g, "").trim();
  return normal(text).startsWith(normal(LLM_REFUSAL));
}

export async function generateLlmAnswer(input: LlmAnswerInput): Promise<LlmAnswer> {
  const messages = [
    new SystemMessage(fillPrompt(loadPrompt("answer-system.md"), { refusal: LLM_REFUSAL })),
    new HumanMessage(
      input.groups
        ? fillPrompt(loadPrompt("cross-review-user.md"), { groups: formatGroups(input.groups, input.label), question: input.question })
        : fillPrompt(loadPrompt("answer-user.md"), { passages: formatPassages(input.sources, input.label), question: input.question }),
    ),
  ];
  const filter = new MarkerStreamFilter(input.sources.length);
  const raw = await streamCompletion(input.model, messages, input.deadline, (piece) => {
    const safe = filter.push(piece);
    if (safe) input.onDelta?.(safe);
  });
  const rest = filter.flush();
  if (rest) input.onDelta?.(rest);
  const { text, invalid } = sanitizeCitationMarkers(raw.trim(), input.sources.length);
  return { text: text.trim(), refused: isRefusal(text), invalid };
}
