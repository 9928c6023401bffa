// `npm run eval:structure [-- --json out.json] [-- grader thresholds]`: the real reviews of
// ../shared/reviews (superscript, bracket and author–year papers) ingested and served, scored by
// ../shared/tools/structure_eval.py against their hand-checked gold (metadata, reference count and
// fields, citation recall/precision, false citations, headings, body sentences kept).
import path from "node:path";
import { SHARED_DIR, filesIn, serveAndGrade } from "./serve-shared-papers.ts";

const reviews = path.join(SHARED_DIR, "reviews");
const code = await serveAndGrade({
  name: "eval-structure",
  files: await filesIn(reviews, [".pdf", ".md", ".txt"]),
  grader: [path.join(SHARED_DIR, "tools/structure_eval.py"), "--base", "{base}", "--gold", path.join(reviews, "gold"), ...process.argv.slice(2)],
});
process.exit(code);
