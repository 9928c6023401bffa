import { type Command, InvalidArgumentError } from "commander";
import type { AnswerPayload } from "../../answer/answer-payload.ts";
import { Answerer } from "../../answer/answer-question.ts";
import { createAnswerResources } from "../../answer/answer-resources.ts";
import { loadConfig } from "../../config.ts";
import { notFound } from "../../errors.ts";
import { createEmbeddings } from "../../index/create-embeddings.ts";
import { referenceTag } from "../../widget/format-reference.ts";
import { loadServedIndex } from "../served-build.ts";

function parseK(value: string): number {
  const k = Number(value);
  if (!Number.isInteger(k) || k < 1 || k > 20) throw new InvalidArgumentError(`expected an integer from 1 to 20, got "${value}"`);
  return k;
}

/** The answer, then its sources and the references behind it, for a terminal. */
export function formatAnswer(payload: AnswerPayload): string {
  const lines = [payload.answer];
  const { reason } = payload;
  // The reason's sentence when the answer does not already say it, and its code for scripts reading the output.
  if (reason) {
    if (!payload.answer.includes(reason.message)) lines.push(reason.message);
    lines.push(`(declined: ${reason.code}${reason.valueKind ? `, ${reason.valueKind}` : ""})`);
  }
  lines.push("");
  const cited = new Set([...payload.answer.matchAll(/\[(\d+)(?:,\s*(\d+))*\]/g)].flatMap((m) => m.slice(1).filter(Boolean).map(Number)));
  const shown = payload.refused ? payload.sources : payload.sources.filter((s) => cited.has(s.n));
  if (shown.length) {
    const about = reason?.code === "value_not_reported" && reason.entity ? ` about ${reason.entity}` : "";
    lines.push(payload.refused ? `Closest passages${about}:` : "Sources:");
    for (const s of shown) lines.push(`  [${s.n}] ${s.docId} · ${s.section}${s.kind === "text" ? "" : ` (${s.kind})`}`);
  }
  if (payload.references.length) {
    lines.push("", "References:");
    for (const ref of payload.references) lines.push(`  ${ref.docId} ${referenceTag(ref)} ${ref.text}${ref.url && !ref.text.includes(ref.url) ? `  ${ref.url}` : ""}`);
  }
  return lines.join("\n");
}

export function registerAskCommand(program: Command): void {
  program
    .command("ask")
    .description("answer a question from the reviews, with its passages and references (LLM mode when configured; with DATABASE_URL: the database's active build)")
    .argument("<question>", "the question, in quotes")
    .option("--json", "print the /api/ask payload as JSON")
    .option("--docs <ids>", "only these documents, comma-separated (e.g. guan2024,verma2024)")
    .option("-k, --k <n>", "passages to retrieve (1–20)", parseK)
    .option("--index <dir>", "index folder")
    .action(async (question: string, options: { json?: boolean; docs?: string; k?: number; index?: string }) => {
      const config = loadConfig(process.env);
      const index = await loadServedIndex(options.index ?? config.indexDir, config.databaseUrl, createEmbeddings(config.embeddings));
      const docs = options.docs?.split(",").map((id) => id.trim()).filter(Boolean);
      for (const id of docs ?? []) {
        if (!index.corpus.document(id)) {
          throw notFound(`Unknown document "${id}"; known: ${index.corpus.documents.map((d) => d.meta.id).join(", ")}`);
        }
      }
      const answerer = new Answerer(createAnswerResources(index.corpus, index.engine), { llm: config.llm });
      const payload = await answerer.answer({ question, docs, k: options.k });
      if (options.json) {
        console.log(JSON.stringify(payload, null, 2));
      } else {
        console.log(formatAnswer(payload));
        for (const warning of payload.warnings ?? []) console.error(`warning: ${warning}`);
      }
      // The embedding workers keep the event loop alive; the answer is out, so leave.
      process.exit(process.exitCode ?? 0);
    });
}
