import type { AppConfig } from "../config.ts";
import { ReviewChatError } from "../errors.ts";
import type { IdentifiedEmbeddings } from "../index/create-embeddings.ts";
import type { LoadedIndex } from "../store/load-index.ts";
import type { PostgresStore } from "../store/postgres/postgres-store.ts";

/** What every route needs. `index` is read per request, so a new build can be swapped in atomically. */
export interface ServerContext {
  config: AppConfig;
  embeddings: IdentifiedEmbeddings;
  index: LoadedIndex | null;
  /** With DATABASE_URL: the shared store builds are loaded from (instead of the index folder). */
  postgres?: PostgresStore;
}

export function requireIndex(ctx: ServerContext): LoadedIndex {
  if (!ctx.index) throw new ReviewChatError("index_missing", "The index is still loading; try again shortly");
  return ctx.index;
}
