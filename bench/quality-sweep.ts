// Each paper's parsed metadata and `quality` record, for papers that have no gold: a quick check
// of what a user adding them would get (list complete? citations resolved? title, authors,
// journal, year, DOI found?). Layout reader + parser in process, no embedding.
//   npm run eval:quality [-- dir …]      (default: ../shared/litqa and ../shared/reviews)
import { readdirSync } from "node:fs";
import path from "node:path";
import { parseDocumentFile } from "../src/ingest/parse-document.ts";

const SHARED = path.resolve(import.meta.dirname, "../../shared");
const dirs = process.argv.slice(2).length ? process.argv.slice(2) : [path.join(SHARED, "litqa"), path.join(SHARED, "reviews")];
const found = { papers: 0, title: 0, authors: 0, journal: 0, year: 0, doi: 0, completeList: 0 };

for (const dir of dirs) {
  for (const file of readdirSync(dir).filter((name) => /\.(pdf|md|txt)$/i.test(name) && !/^readme\b/i.test(name)).sort()) {
    try {
      const doc = await parseDocumentFile(path.join(dir, file));
      const { meta, quality: q } = doc;
      found.papers++;
      if (meta.title) found.title++;
      if (meta.authors.length) found.authors++;
      if (meta.journal) found.journal++;
      if (meta.year) found.year++;
      if (meta.doi) found.doi++;
      if (q.references.parsed > 0 && q.references.parsed === q.references.span) found.completeList++;
      const ratio = q.citations.resolvedRatio === null ? "-" : `${Math.round(q.citations.resolvedRatio * 100)}%`;
      console.log(
        `${file.slice(0, 34).padEnd(34)} refs ${q.references.parsed}/${q.references.span} ${q.referenceStyle.padEnd(11)} ` +
          `cites ${q.citations.resolved}/${q.citations.found} (${ratio}) ${q.citationStyle.padEnd(13)} ` +
          `| ${meta.title.slice(0, 40)} | ${meta.authors[0] ?? "-"} | ${meta.journal ?? "-"} ${meta.year ?? "-"} ${meta.doi ?? "-"}` +
          (q.warnings.length ? ` | ${q.warnings.join("; ")}` : ""),
      );
    } catch (error) {
      console.log(`${file.slice(0, 34).padEnd(34)} not read: ${(error as Error).message}`);
    }
  }
}
const of = (n: number) => `${n}/${found.papers}`;
console.log(
  `title ${of(found.title)} · authors ${of(found.authors)} · journal ${of(found.journal)} · year ${of(found.year)} · ` +
    `DOI ${of(found.doi)} · complete reference list ${of(found.completeList)}`,
);
