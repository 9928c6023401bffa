import type { Command } from "commander";
import { loadConfig } from "../../config.ts";
import { describeQuality } from "../../ingest/assess-quality.ts";
import { currentBuildDir, readManifest } from "../../store/index-files.ts";
import { readIngestProgress, servedDocumentStates } from "../../store/ingest-progress.ts";
import { loadCorpus } from "../../store/load-index.ts";

export function registerDocsCommand(program: Command): void {
  program
    .command("docs")
    .description("list indexed documents with their metadata, counts and parse quality")
    .option("--index <dir>", "index folder")
    .option("--json", "print JSON")
    .action(async (options: { index?: string; json?: boolean }) => {
      const indexDir = options.index ?? loadConfig(process.env).indexDir;
      const corpus = await loadCorpus(indexDir);
      // The live build's manifest says which documents still wait for vectors; the progress file how far they are.
      const manifest = await readManifest((await currentBuildDir(indexDir))!);
      const states = servedDocumentStates(manifest, await readIngestProgress(indexDir));
      const rows = corpus.documents.map((doc) => ({
        ...doc.meta,
        counts: corpus.counts(doc.meta.id)!,
        quality: doc.quality,
        status: states.get(doc.meta.id) ?? { state: "ready", label: "ready", vectors: null },
      }));
      if (options.json) {
        console.log(JSON.stringify(rows, null, 2));
        return;
      }
      for (const [i, row] of rows.entries()) {
        const doc = corpus.documents[i]!;
        const health = describeQuality(row.quality, doc.missingReferenceNumbers);
        console.log(`${row.id}  ${row.title || "(no title found)"}`);
        const bibliographic = [
          row.authors.length ? row.authors.join(", ") : "(no authors found)",
          [row.journal, row.year].filter(Boolean).join(" ") || "(no journal or year found)",
          row.doi ? `doi:${row.doi}` : "",
        ];
        console.log(`  ${bibliographic.filter(Boolean).join(". ")}`);
        console.log(`  ${row.status.label} · chunks ${row.counts.chunks} · ${health.list}`);
        console.log(`  ${health.citations}`);
        for (const warning of row.quality.warnings) console.log(`  warning: ${warning}`);
      }
    });
}
