// The long-lived ingest process behind POST /api/admin/ingest, over real HTTP with real PDFs drawn
// by pdf-lib: an uploaded PDF is found by /api/search before its vectors exist, and a worker that
// crashes (SIGKILL) or hangs (SIGSTOP, no heartbeat) while parsing fails that upload with a clear
// error, leaves the published build serving, and is replaced by a fresh one.
import { existsSync } from "node:fs";
import fs from "node:fs/promises";
import http from "node:http";
import path from "node:path";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { warmIngestWorker } from "../../src/server/ingest-runner.ts";
import type { RunningServer } from "../../src/server/start-server.ts";
import { type IngestProgress, progressFile } from "../../src/store/ingest-progress.ts";
import { type IndexCopyServer, TEST_ADMIN_TOKEN as TOKEN, startServerOnIndexCopy } from "../support/index-copy-server.ts";
import type { TempIndex } from "../support/temp-index.ts";

let served: IndexCopyServer;
let temp: TempIndex;
let server: RunningServer;

beforeAll(async () => {
  served = await startServerOnIndexCopy({ LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "silent" });
  ({ temp, server } = served);
  await warmIngestWorker(temp.indexDir);
}, 300_000);

afterAll(async () => {
  await served?.close();
});

/** A text PDF: a title page, then `pages` pages of numbered sentences carrying `keyword`. */
async function drawPdf(title: string, keyword: string, pages: number): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (let p = 0; p < pages; p++) {
    const page = pdf.addPage([612, 792]);
    if (p === 0) page.drawText(title, { x: 72, y: 720, size: 18, font });
    for (let line = 0; line < 40; line++) {
      const text = `Finding ${p}.${line}: ${keyword} changed how resistant cells handled the drug in this model.`;
      page.drawText(text, { x: 72, y: (p === 0 ? 680 : 740) - line * 16, size: 10, font });
    }
  }
  return pdf.save();
}

/** POST a multipart upload over node:http; resolves with the status and parsed body (never rejects on a closed socket). */
async function upload(name: string, bytes: Uint8Array): Promise<{ status: number; body: { error?: { code: string; message: string } } }> {
  const form = new FormData();
  form.append("file", new Blob([Buffer.from(bytes)]), name);
  const encoded = new Request("http://localhost/", { method: "POST", body: form });
  const body = Buffer.from(await encoded.arrayBuffer());
  return new Promise((resolve) => {
    const req = http.request(
      new URL("/api/admin/ingest", server.url),
      {
        method: "POST",
        headers: { authorization: `Bearer ${TOKEN}`, "content-type": encoded.headers.get("content-type")!, "content-length": body.length },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString() || "{}") }));
      },
    );
    req.on("error", (error) => resolve({ status: 0, body: { error: { code: "socket", message: error.message } } }));
    req.end(body);
  });
}

const search = async (q: string) => {
  const res = await fetch(`${server.url}/api/search?q=${encodeURIComponent(q)}&k=5`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { results: { docId: string; score: number }[] }).results;
};

/** The running ingest's process, once it reports `file` being parsed. */
async function workerParsing(file: string): Promise<number> {
  for (let i = 0; i < 2_000; i++) {
    const progress = JSON.parse(await fs.readFile(progressFile(temp.indexDir), "utf8").catch(() => "null")) as IngestProgress | null;
    if (progress && !progress.finished && progress.documents.some((doc) => doc.file === file && doc.state === "parsing")) return progress.pid;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`the ingest never reported parsing ${file}`);
}

describe("the ingest worker", () => {
  it("makes an uploaded PDF findable by /api/search before its vectors exist", async () => {
    const name = "Oncoplastic-Zeolite-Study-2025.pdf";
    let finished = false;
    const ingest = upload(name, await drawPdf("Oncoplastic zeolite carriers in resistant tumours", "zeolitic oncoplasty", 3));
    void ingest.finally(() => (finished = true));
    let foundWhilePending = false;
    for (;;) {
      const hits = await search("zeolitic oncoplasty");
      const mine = hits.find((hit) => !["guan2024", "verma2024"].includes(hit.docId));
      if (mine) {
        const docs = (await (await fetch(`${server.url}/api/documents`)).json()) as { documents: { id: string; status: { state: string } }[] };
        const state = docs.documents.find((doc) => doc.id === mine.docId)?.status.state;
        foundWhilePending = !finished && (state === "parsed" || state === "embedding");
        break;
      }
      if (finished) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const res = await ingest;
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(foundWhilePending).toBe(true);
    expect((await search("zeolitic oncoplasty")).length).toBeGreaterThan(0);
  }, 300_000);

  it("fails an upload whose worker crashes mid-parse with a clear error, keeps serving, and starts a new worker", async () => {
    const name = "Crash-During-Parse-2025.pdf";
    const before = (await search("nanoparticles doxorubicin")).map((hit) => hit.docId);
    expect(before.length).toBeGreaterThan(0);
    const documentIds = async () =>
      ((await (await fetch(`${server.url}/api/documents`)).json()) as { documents: { id: string }[] }).documents.map((doc) => doc.id);
    const documentsBefore = await documentIds();
    const ingest = upload(name, await drawPdf("A long paper about quasiparticle chemoresistance", "quasiparticle chemoresistance", 300));
    const pid = await workerParsing(name);
    process.kill(pid, "SIGKILL");

    const res = await ingest;
    expect(res.status, JSON.stringify(res.body)).toBe(500);
    const error = res.body.error!;
    expect(error.code).toBe("ingest_failed");
    expect(error.message).toMatch(/ingest worker stopped \(signal SIGKILL\) while ingesting Crash-During-Parse-2025\.pdf/);
    expect(error.message).toContain("still served");

    // The old build still serves, without the paper; the corpus never received the file.
    expect((await search("nanoparticles doxorubicin")).map((hit) => hit.docId)).toEqual(before);
    expect(await documentIds()).toEqual(documentsBefore);
    expect(existsSync(path.join(temp.corpusDir, name))).toBe(false);
    const health = (await (await fetch(`${server.url}/healthz`)).json()) as { status: string; ingest: { running: boolean } };
    expect(health.status).toBe("ok");
    expect(health.ingest.running).toBe(false);

    // A new worker took its place and ingests again.
    const next = await warmIngestWorker(temp.indexDir);
    expect(next).toBeDefined();
    expect(next).not.toBe(pid);
    const rescan = await fetch(`${server.url}/api/admin/ingest`, {
      method: "POST",
      headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify({ rescan: true }),
    });
    expect(rescan.status).toBe(200);
    expect(((await rescan.json()) as { status: string }).status).toBe("unchanged");
  }, 300_000);

  it("kills a worker that hangs mid-parse (no heartbeat) and says so", async () => {
    const name = "Hang-During-Parse-2025.pdf";
    // Short, so the hang is noticed within the test (read when the job starts; heartbeats come every second).
    process.env.INGEST_STALL_MS = "8000";
    const ingest = upload(name, await drawPdf("A long paper that never finishes parsing", "stalled parsing", 300));
    const pid = await workerParsing(name);
    // Stopped, it neither works nor sends heartbeats: a hang, as far as the server can tell.
    process.kill(pid, "SIGSTOP");
    delete process.env.INGEST_STALL_MS;

    const res = await ingest;
    expect(res.status, JSON.stringify(res.body)).toBe(500);
    const error = res.body.error!;
    expect(error.code).toBe("ingest_failed");
    expect(error.message).toMatch(/no heartbeat for 8 s: hung, killed\) while ingesting Hang-During-Parse-2025\.pdf/);
    expect(existsSync(path.join(temp.corpusDir, name))).toBe(false);
    expect((await search("nanoparticles doxorubicin")).length).toBeGreaterThan(0);
    expect(await warmIngestWorker(temp.indexDir)).not.toBe(pid);
  }, 300_000);
});
