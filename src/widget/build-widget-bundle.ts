// Bundle the widget (src/widget/main.ts) into one minified browser script with esbuild, in memory.
// The server builds it once at start-up; `npm run build:widget` writes it to public/widget.js.
import { createHash } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

export interface WidgetBundle {
  code: string;
  /** Strong ETag over the code, quoted as HTTP wants it. */
  etag: string;
  bytes: number;
  gzipBytes: number;
}

const ENTRY = path.join(path.dirname(fileURLToPath(import.meta.url)), "main.ts");

export async function buildWidgetBundle(): Promise<WidgetBundle> {
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    minify: true,
    format: "iife",
    target: ["es2020", "chrome90", "firefox90", "safari15"],
    platform: "browser",
    write: false,
    legalComments: "none",
    logLevel: "silent",
  });
  const code = result.outputFiles[0]!.text;
  const buffer = Buffer.from(code);
  return {
    code,
    etag: `"${createHash("sha256").update(buffer).digest("base64url").slice(0, 27)}"`,
    bytes: buffer.length,
    gzipBytes: gzipSync(buffer, { level: 9 }).length,
  };
}
