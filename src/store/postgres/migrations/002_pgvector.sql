-- pgvector where the server has it (and we may create it): vector search then runs in the
-- database, over an HNSW index per build on `window_vectors.embedding`. Elsewhere this does
-- nothing and every instance searches its in-memory copy of the build's vectors.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'vector') THEN
    CREATE EXTENSION IF NOT EXISTS vector;
  END IF;
EXCEPTION WHEN insufficient_privilege THEN
  RAISE NOTICE 'pgvector is available but this role may not create it; vector search stays in memory';
END
$$;
