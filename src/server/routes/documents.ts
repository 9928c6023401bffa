// GET /api/documents, /api/documents/:id, /api/documents/:id/references[/:n]: the indexed reviews,
// their sections and counts, their reference lists, who cites an entry and where else it is cited.
import { Router } from "express";
import { z } from "zod";
import { toAnswerReference } from "../../answer/answer-payload.ts";
import { notFound } from "../../errors.ts";
import type { Corpus } from "../../store/corpus.ts";
import type { StoredDocument } from "../../store/index-files.ts";
import { type ServedDocumentState, readIngestProgress, servedDocumentStates } from "../../store/ingest-progress.ts";
import type { LoadedIndex } from "../../store/load-index.ts";
import { type ServerContext, requireIndex } from "../context.ts";
import { validate } from "../validate.ts";

const documentParams = z.object({ id: z.string().min(1).max(64) });
const referenceParams = documentParams.extend({
  n: z
    .string()
    .regex(/^\d{1,6}$/, "n must be a positive reference number")
    .transform(Number)
    .pipe(z.number().int().min(1, "n must be a positive reference number")),
});

function documentOf(corpus: Corpus, id: string): StoredDocument {
  const doc = corpus.document(id);
  if (!doc) throw notFound(`Unknown document "${id}"; known: ${corpus.documents.map((d) => d.meta.id).join(", ")}`);
  return doc;
}

/** A document's ingest state for responses: ready, or parsed / embedding n % while its vectors are made. */
async function statesOf(ctx: ServerContext, index: LoadedIndex): Promise<Map<string, ServedDocumentState>> {
  return servedDocumentStates(index.files.manifest, await readIngestProgress(ctx.config.indexDir));
}

const READY: ServedDocumentState = { state: "ready", label: "ready", vectors: null };

function summary(corpus: Corpus, doc: StoredDocument, states: Map<string, ServedDocumentState>) {
  const { meta } = doc;
  return {
    id: meta.id,
    title: meta.title,
    authors: meta.authors,
    journal: meta.journal ?? null,
    year: meta.year ?? null,
    volume: meta.volume ?? null,
    doi: meta.doi ?? null,
    url: meta.url ?? null,
    file: meta.file,
    counts: corpus.counts(meta.id)!,
    quality: doc.quality,
    status: states.get(meta.id) ?? READY,
  };
}

export function createDocumentsRouter(ctx: ServerContext): Router {
  const router = Router();

  router.get("/api/documents", async (_req, res) => {
    const index = requireIndex(ctx);
    const states = await statesOf(ctx, index);
    res.json({ documents: index.corpus.documents.map((doc) => summary(index.corpus, doc, states)) });
  });

  router.get("/api/documents/:id", async (req, res) => {
    const { id } = validate(documentParams, req.params);
    const index = requireIndex(ctx);
    const { corpus } = index;
    const doc = documentOf(corpus, id);
    res.json({
      ...summary(corpus, doc, await statesOf(ctx, index)),
      citationStats: doc.citationStats,
      sections: doc.sections.map(({ id: sectionId, number, title, level, parentId }) => ({
        id: sectionId,
        number,
        title,
        level,
        parentId: parentId ?? null,
        chunks: corpus.chunksOf(doc.meta.id).filter((chunk) => chunk.sectionId === sectionId).length,
      })),
    });
  });

  router.get("/api/documents/:id/references", (req, res) => {
    const { id } = validate(documentParams, req.params);
    const { corpus } = requireIndex(ctx);
    const doc = documentOf(corpus, id);
    res.json({
      docId: id,
      missingReferenceNumbers: doc.missingReferenceNumbers,
      references: doc.references.map((ref) => toAnswerReference({ docId: id, ...ref })),
    });
  });

  router.get("/api/documents/:id/references/:n", (req, res) => {
    const { id, n } = validate(referenceParams, req.params);
    const { corpus } = requireIndex(ctx);
    const doc = documentOf(corpus, id);
    const entry = corpus.reference(id, n);
    if (!entry) {
      const why = doc.missingReferenceNumbers.includes(n) ? " (the number is missing from its printed list)" : "";
      throw notFound(`${id} has no reference ${n}${why}`);
    }
    res.json({
      docId: id,
      n,
      entry: toAnswerReference(entry),
      citedBy: corpus.citingChunks(id, n).map((chunk) => ({
        chunkId: chunk.id,
        section: chunk.section,
        kind: chunk.kind,
        sentences: chunk.sentences.filter((s) => s.refs.includes(n)).map((s) => s.text),
      })),
      sameElsewhere: corpus.sameReferenceElsewhere(id, n).map(toAnswerReference),
    });
  });

  return router;
}
