// `npm run build:widget`: write the bundle to public/widget.js (for static hosting or a CDN) and
// print its size, raw and gzipped — the figure BENCHMARKS.md records.
import fs from "node:fs/promises";
import path from "node:path";
import { PROJECT_ROOT } from "../config.ts";
import { buildWidgetBundle } from "./build-widget-bundle.ts";

const out = path.join(PROJECT_ROOT, "public", "widget.js");
const bundle = await buildWidgetBundle();
await fs.mkdir(path.dirname(out), { recursive: true });
await fs.writeFile(out, bundle.code);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
console.log(`${path.relative(PROJECT_ROOT, out)}: ${kb(bundle.bytes)} minified, ${kb(bundle.gzipBytes)} gzipped (gzip -9; budget 30 KB)`);
