// The real USE-lite model, counting what reaches it, so a test can tell a cache hit (or a skipped
// embedding) from a fresh one.
import { UseLiteEmbeddings } from "../../src/index/use-lite-embeddings.ts";

export class CountingUseLite extends UseLiteEmbeddings {
  /** Texts passed to embedDocuments. */
  embeddedTexts = 0;
  /** Calls to embedQuery. */
  queries = 0;

  override async embedDocuments(texts: string[]): Promise<number[][]> {
    this.embeddedTexts += texts.length;
    return super.embedDocuments(texts);
  }

  override async embedQuery(text: string): Promise<number[]> {
    this.queries++;
    return super.embedQuery(text);
  }
}
