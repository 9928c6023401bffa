import fs from "node:fs";
import { UseLiteEmbeddings } from "../src/index/use-lite-embeddings.ts";
const words = fs.readFileSync("corpus/guan2024-nanomaterials-breast-cancer-drug-resistance.txt", "utf8").split(/\s+/).filter(Boolean);
const texts: string[] = [];
for (let i = 0; i + 200 < words.length && texts.length < 48; i += 200) texts.push(words.slice(i, i + 200).join(" "));
for (const workers of (process.argv[2] ?? "0,1,2").split(",").map(Number)) {
  const e = new UseLiteEmbeddings({ workers, batchSize: 8 });
  await e.embedDocuments(texts.slice(0, 16)); // warm up
  const t = performance.now();
  const v = await e.embedDocuments(texts);
  const s = (performance.now() - t) / 1000;
  console.log(`workers=${workers} ${texts.length} chunks in ${s.toFixed(1)} s = ${(texts.length / s).toFixed(2)} chunks/s dim=${v[0]!.length}`);
  await e.close();
}
