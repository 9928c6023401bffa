import { type Command, InvalidArgumentError } from "commander";
import { loadConfig } from "../../config.ts";
import { notFound } from "../../errors.ts";
import { Corpus } from "../../store/corpus.ts";
import { readServedFiles } from "../served-build.ts";

/** "45" → [45, 45]; "21-23" or "21–23" → [21, 23]. */
export function parseReferenceRange(value: string): [number, number] {
  const match = /^(\d{1,4})(?:\s*[-–—]\s*(\d{1,4}))?$/.exec(value.trim());
  if (!match) throw new InvalidArgumentError(`expected a reference number or range like 21-23, got "${value}"`);
  const from = Number(match[1]);
  const to = match[2] ? Number(match[2]) : from;
  if (to < from || to - from > 200) throw new InvalidArgumentError(`invalid range "${value}"`);
  return [from, to];
}

export function registerRefsCommand(program: Command): void {
  program
    .command("refs")
    .description("show reference entries of a review and the passages that cite them (with DATABASE_URL: the database's active build)")
    .argument("<docId>", "document id, e.g. guan2024")
    .argument("<n|n-m>", "reference number or range", parseReferenceRange)
    .option("--index <dir>", "index folder")
    .option("--json", "print JSON")
    .action(async (docId: string, range: [number, number], options: { index?: string; json?: boolean }) => {
      const config = loadConfig(process.env);
      const corpus = new Corpus(await readServedFiles(options.index ?? config.indexDir, config.databaseUrl));
      const doc = corpus.document(docId);
      if (!doc) throw notFound(`Unknown document "${docId}"; known: ${corpus.documents.map((d) => d.meta.id).join(", ")}`);
      const entries = [];
      const missing: number[] = [];
      for (let n = range[0]; n <= range[1]; n++) {
        const entry = corpus.reference(docId, n);
        if (!entry) {
          missing.push(n);
          continue;
        }
        const citedBy = corpus.citingChunks(docId, n).map((chunk) => ({
          chunkId: chunk.id,
          section: chunk.section,
          passage: chunk.text,
          // The citing sentence with the one before it: a citation often closes a two-sentence claim.
          sentences: chunk.sentences.flatMap((s, i) =>
            s.refs.includes(n) ? [[chunk.sentences[i - 1]?.text, s.text].filter(Boolean).join(" ")] : [],
          ),
        }));
        entries.push({ ...entry, citedBy, sameElsewhere: corpus.sameReferenceElsewhere(docId, n) });
      }
      if (entries.length === 0) throw notFound(`${docId} has no reference ${range[0] === range[1] ? range[0] : range.join("–")}`);
      if (options.json) {
        console.log(JSON.stringify({ docId, entries, missing }, null, 2));
        return;
      }
      for (const entry of entries) {
        console.log(`${entry.label ? `[${entry.n}] (${entry.label})` : `[${entry.n}]`} ${entry.text}`);
        if (entry.url) console.log(`     ${entry.url}`);
        for (const other of entry.sameElsewhere) console.log(`     also ${other.docId} ref ${other.n}`);
        for (const cite of entry.citedBy) {
          for (const sentence of cite.sentences) console.log(`   ↳ ${cite.section}: ${sentence}`);
        }
      }
      if (missing.length) console.log(`Not in the list: ${missing.join(", ")}`);
    });
}
