import { z } from "zod";
import { notFound } from "../errors.ts";
import type { Corpus } from "../store/corpus.ts";

/** "guan2024,verma2024" or repeated ?docs= → list of ids. */
export const docsParam = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value) =>
    value === undefined
      ? undefined
      : (Array.isArray(value) ? value : [value])
          .flatMap((part) => part.split(","))
          .map((id) => id.trim())
          .filter(Boolean),
  )
  .pipe(z.array(z.string().max(64)).max(50).optional());

/** Unknown document ids are a 404, not an empty result. */
export function assertDocumentsExist(corpus: Corpus, docs: string[] | undefined): void {
  for (const id of docs ?? []) {
    if (!corpus.document(id)) throw notFound(`Unknown document "${id}"`);
  }
}
