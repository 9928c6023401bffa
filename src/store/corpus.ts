// Read-only lookups over a loaded index: documents, chunks, references and who cites what.
import type { Chunk, CrossReviewLink, ReferenceEntry } from "../types.ts";
import type { IndexFiles, StoredDocument } from "./index-files.ts";

export interface ReferenceWithDoc extends ReferenceEntry {
  docId: string;
}

export class Corpus {
  readonly documents: StoredDocument[];
  readonly chunks: Chunk[];
  readonly links: CrossReviewLink[];
  private readonly documentById = new Map<string, StoredDocument>();
  private readonly chunkById = new Map<string, Chunk>();
  private readonly chunksByDoc = new Map<string, Chunk[]>();
  private readonly referenceByKey = new Map<string, ReferenceEntry>();
  private readonly linkByPaper = new Map<string, CrossReviewLink>();

  constructor(files: Pick<IndexFiles, "documents" | "chunks" | "links">) {
    this.documents = files.documents;
    this.chunks = files.chunks;
    this.links = files.links;
    for (const doc of files.documents) {
      this.documentById.set(doc.meta.id, doc);
      for (const ref of doc.references) this.referenceByKey.set(`${doc.meta.id}#${ref.n}`, ref);
    }
    for (const chunk of files.chunks) {
      this.chunkById.set(chunk.id, chunk);
      const list = this.chunksByDoc.get(chunk.docId) ?? [];
      list.push(chunk);
      this.chunksByDoc.set(chunk.docId, list);
    }
    for (const link of files.links) this.linkByPaper.set(link.paperKey, link);
  }

  document(id: string): StoredDocument | undefined {
    return this.documentById.get(id);
  }

  chunk(id: string): Chunk | undefined {
    return this.chunkById.get(id);
  }

  chunksOf(docId: string): Chunk[] {
    return this.chunksByDoc.get(docId) ?? [];
  }

  reference(docId: string, n: number): ReferenceWithDoc | undefined {
    const ref = this.referenceByKey.get(`${docId}#${n}`);
    return ref ? { docId, ...ref } : undefined;
  }

  /** Chunks of `docId` that cite reference `n`, in reading order. */
  citingChunks(docId: string, n: number): Chunk[] {
    return this.chunksOf(docId).filter((chunk) => chunk.refs.includes(n));
  }

  /** The same primary paper as (docId, n) in the other reviews. */
  sameReferenceElsewhere(docId: string, n: number): ReferenceWithDoc[] {
    const ref = this.referenceByKey.get(`${docId}#${n}`);
    const link = ref ? this.linkByPaper.get(ref.paperKey) : undefined;
    if (!link) return [];
    return link.citedBy
      .filter((member) => member.docId !== docId)
      .map((member) => this.reference(member.docId, member.n))
      .filter((entry): entry is ReferenceWithDoc => entry !== undefined);
  }

  /** Citation counts per document: markers, chunks, etc. */
  counts(docId: string) {
    const doc = this.documentById.get(docId);
    if (!doc) return undefined;
    return {
      chunks: this.chunksOf(docId).length,
      references: doc.references.length,
      citations: doc.citationStats.markers,
      citationsResolved: doc.citationStats.resolved,
      // null when no marker was found: nothing found is not "100% resolve".
      citationsResolvedRatio: doc.citationStats.markers > 0 ? doc.citationStats.resolved / doc.citationStats.markers : null,
      missingReferenceNumbers: doc.missingReferenceNumbers,
    };
  }
}
