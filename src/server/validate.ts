import type { ZodType, ZodTypeDef } from "zod";
import { badRequest } from "../errors.ts";

/** Parse untrusted input with a zod schema; failures become a 400 naming the offending fields. */
export function validate<T>(schema: ZodType<T, ZodTypeDef, unknown>, input: unknown): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const message = result.error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length ? issue.path.join(".") : "body"}: ${issue.message}`)
    .join("; ");
  throw badRequest(message, result.error.issues);
}
