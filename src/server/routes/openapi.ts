// GET /api/openapi.json: the OpenAPI 3.1 description of every endpoint.
import { Router } from "express";
import { openApiDocument } from "../openapi-document.ts";

export function createOpenApiRouter(): Router {
  const router = Router();
  router.get("/api/openapi.json", (_req, res) => {
    res.set("Cache-Control", "public, max-age=300").json(openApiDocument);
  });
  return router;
}
