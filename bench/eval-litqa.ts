// `npm run eval:litqa [-- --json out.json]`: the 20 publisher PDFs of ../shared/litqa ingested and
// served, scored by ../shared/tools/litqa_eval.py on LitQA2's questions: key passages kept after
// extraction (per publisher family), retrieval hit@k, answers.
import path from "node:path";
import { SHARED_DIR, filesIn, serveAndGrade } from "./serve-shared-papers.ts";

const litqa = path.join(SHARED_DIR, "litqa");
const code = await serveAndGrade({
  name: "eval-litqa",
  files: await filesIn(litqa, [".pdf"]),
  grader: [path.join(SHARED_DIR, "tools/litqa_eval.py"), "--base", "{base}", "--set", path.join(litqa, "dev.jsonl"), ...process.argv.slice(2)],
});
process.exit(code);
