import type { Command } from "commander";
import { loadConfig } from "../../config.ts";
import { loadCorpus } from "../../store/load-index.ts";

export function registerDocsCommand(program: Command): void {
  program
    .command("docs")
    .description("list indexed documents with their metadata and counts")
    .option("--index <dir>", "index folder")
    .option("--json", "print JSON")
    .action(async (options: { index?: string; json?: boolean }) => {
      const corpus = await loadCorpus(options.index ?? loadConfig(process.env).indexDir);
      const rows = corpus.documents.map((doc) => ({ ...doc.meta, counts: corpus.counts(doc.meta.id)! }));
      if (options.json) {
        console.log(JSON.stringify(rows, null, 2));
        return;
      }
      for (const row of rows) {
        const c = row.counts;
        console.log(`${row.id}  ${row.title}`);
        console.log(`  ${row.authors.join(", ")}. ${row.journal ?? "?"} ${row.year ?? ""}${row.doi ? `. doi:${row.doi}` : ""}`);
        console.log(
          `  chunks ${c.chunks} · references ${c.references} · citation markers ${c.citations} ` +
            `(${(c.citationsResolvedRatio * 100).toFixed(1)}% resolve to an entry) · missing reference numbers: ` +
            `${c.missingReferenceNumbers.length ? c.missingReferenceNumbers.join(", ") : "none"}`,
        );
      }
    });
}
