// A third review for ingest tests, made from a real one: new front matter (so it gets its own id,
// "tester2025"), the first third of the body and the whole reference list, and "breast cancer" →
// "mammary carcinoma" throughout, so its chunks are new text that must really be embedded (the
// ingest takes seconds, long enough to send requests during it, and not much longer).
import fs from "node:fs/promises";
import path from "node:path";
import { loadConfig } from "../../src/config.ts";

export const TEST_REVIEW_ID = "tester2025";

export async function makeTestReview(): Promise<string> {
  const corpusDir = loadConfig({}).corpusDir;
  const source = (await fs.readdir(corpusDir)).find((f) => f.startsWith("verma2024"));
  if (!source) throw new Error("the Verma review is missing from corpus/");
  const full = await fs.readFile(path.join(corpusDir, source), "utf8");
  const references = full.search(/^References$/m);
  if (references < 0) throw new Error("the Verma review has no References heading");
  const text = `${full.slice(0, Math.floor(references / 3))}\n\n${full.slice(references)}`;
  return text
    .replace("Cite this: *Nanoscale Adv.*, 2024, **6**, 6079", "Cite this: *Test Rev.*, 2025, **1**, 101")
    .replace(
      "Targeting drug resistance in breast cancer: the potential of miRNA and nanotechnology-driven delivery systems",
      "Serving under load: a test review of miRNA delivery systems in mammary carcinoma",
    )
    .replace("Aditi Verma, Krunal Patel and Ashutosh Kumar *", "Tess Tester, Quinn Quality and Lee Loader *")
    .replace(/10\.1039\/d4na00660g/gi, "10.5555/test.2025.101")
    .replace(/breast cancer/g, "mammary carcinoma")
    .replace(/Breast cancer/g, "Mammary carcinoma");
}
