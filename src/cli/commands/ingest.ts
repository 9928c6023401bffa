import path from "node:path";
import type { Command } from "commander";
import { loadConfig } from "../../config.ts";
import { createEmbeddings, ingestThreads } from "../../index/create-embeddings.ts";
import { buildIndex } from "../../store/build-index.ts";
import { runIngestJob } from "../../server/ingest-job.ts";
import { ingestIntoDatabase } from "../../store/postgres/ingest-into-database.ts";
import { createProgressBar } from "../progress-bar.ts";

export function registerIngestCommand(program: Command): void {
  program
    .command("ingest")
    .description("parse the corpus (documents, references, citations, chunks), embed it and publish the index")
    .option("--corpus <dir>", "folder of .txt/.md/.pdf reviews")
    .option("--index <dir>", "index folder")
    .option("--force", "rebuild even when the corpus is unchanged")
    .action(async (options: { corpus?: string; index?: string; force?: boolean }) => {
      const config = loadConfig(process.env);
      const corpusDir = options.corpus ?? config.corpusDir;
      const indexDir = options.index ?? config.indexDir;
      const started = Date.now();
      if (config.databaseUrl) {
        // The shared store: this folder's files join (and replace same-named files in) the database's corpus.
        const published = await ingestIntoDatabase(
          runIngestJob,
          { corpusDir, indexDir, embeddings: config.embeddings, force: options.force },
          { databaseUrl: config.databaseUrl, addLocalCorpus: "replace", waitForLock: true },
          (line) => console.error(line),
        );
        console.log(
          published.status === "built"
            ? `Published build ${path.basename(published.buildDir)} to the database: ${published.documents} document(s), ${published.chunks} chunks in ${((Date.now() - started) / 1000).toFixed(1)} s`
            : "The database's active build is up to date; nothing to do.",
        );
        return;
      }
      const threads = ingestThreads();
      const result = await buildIndex({
        corpusDir,
        indexDir,
        embeddings: createEmbeddings(config.embeddings, { workers: threads }),
        parseThreads: threads,
        force: options.force,
        progress: createProgressBar(),
        log: (line) => console.error(line),
      });
      if (result.status === "unchanged") {
        console.log(`Index is up to date (corpus unchanged, embedder ${result.manifest.embedder.id}); nothing to do.`);
        const flagged = result.skipped.length + result.warnings.length;
        if (flagged) console.log(`${flagged} file(s) were skipped or read with warnings when it was built: see \`review-chat docs\`.`);
        return;
      }
      // Skipped files were reported by the build as it read them (the log above).
      // One line per document read poorly: what a reader of its answers should know.
      for (const { file, docId, warnings } of result.warnings) console.error(`Warning: ${file} (${docId}): ${warnings.join("; ")}`);
      const { manifest } = result;
      console.log(
        `Indexed ${manifest.documentCount} document(s), ${manifest.chunkCount} chunks with ${manifest.embedder.id} ` +
          `in ${((Date.now() - started) / 1000).toFixed(1)} s → ${result.buildDir}` +
          (result.skipped.length ? `; skipped ${result.skipped.length} unreadable file(s)` : "") +
          (result.warnings.length ? `; ${result.warnings.length} with warnings` : ""),
      );
    });
}
