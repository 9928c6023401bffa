// GET /api/openapi.json describes every route the app registers, and only those.
import type { Express } from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/server/app.ts";
import type { RunningServer } from "../../src/server/start-server.ts";
import { startTestServer } from "../support/test-server.ts";

let server: RunningServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

/** "METHOD /path/{param}" for every route in the app, nested routers included. */
function registeredRoutes(app: Express): string[] {
  const out = new Set<string>();
  const walk = (stack: Layer[]) => {
    for (const layer of stack) {
      if (layer.route) {
        for (const method of Object.keys(layer.route.methods)) {
          out.add(`${method.toUpperCase()} ${layer.route.path.replace(/:(\w+)/g, "{$1}")}`);
        }
      } else if (layer.handle?.stack) {
        walk(layer.handle.stack);
      }
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack);
  return [...out].sort();
}

describe("GET /api/openapi.json", () => {
  it("is an OpenAPI 3.1 document covering every registered route", async () => {
    const res = await fetch(`${server.url}/api/openapi.json`);
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toBe("3.1.0");
    const documented = Object.entries(doc.paths)
      .flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`))
      .sort();
    const app = createApp({ ...server.ctx, index: server.ctx.index });
    expect(documented).toEqual(registeredRoutes(app));
    for (const path of ["/healthz", "/api/search", "/api/ask", "/api/chat", "/api/documents/{id}/references/{n}", "/api/references"]) {
      expect(doc.paths[path]).toBeDefined();
    }
  });

  it("documents the error shape and the answer payload", async () => {
    const doc = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as {
      components: { schemas: Record<string, { required?: string[] }> };
    };
    expect(doc.components.schemas.Error!.required).toEqual(["error"]);
    expect(doc.components.schemas.AskResponse!.required).toEqual(["answer", "refused", "mode", "sources", "references"]);
  });
});
