// One Answerer per (server context, loaded index): the answer-side lookups are built once per index
// and shared, and a reloaded index gets fresh ones on its first question.
import { type AnswerResources, createAnswerResources } from "../answer/answer-resources.ts";
import { Answerer } from "../answer/answer-question.ts";
import type { LoadedIndex } from "../store/load-index.ts";
import { type ServerContext, requireIndex } from "./context.ts";

const resources = new WeakMap<LoadedIndex, AnswerResources>();
const answerers = new WeakMap<ServerContext, { index: LoadedIndex; answerer: Answerer }>();

export function answerResourcesFor(index: LoadedIndex): AnswerResources {
  let res = resources.get(index);
  if (!res) {
    res = createAnswerResources(index.corpus, index.engine);
    resources.set(index, res);
  }
  return res;
}

/** The answerer for the live index, with the LLM settings of `ctx.config.llm`. */
export function answererFor(ctx: ServerContext): Answerer {
  const index = requireIndex(ctx);
  const cached = answerers.get(ctx);
  if (cached?.index === index) return cached.answerer;
  const answerer = new Answerer(answerResourcesFor(index), { llm: ctx.config.llm });
  answerers.set(ctx, { index, answerer });
  return answerer;
}
