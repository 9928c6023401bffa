// The request body of POST /api/ask and POST /api/chat.
import { z } from "zod";

export const MAX_QUESTION_CHARS = 2000;
export const MAX_HISTORY_TURNS = 20;
/** Earlier answers are longer than questions; the 64 KB body limit bounds the whole. */
export const MAX_TURN_CHARS = 8000;

export const askRequestSchema = z.object({
  question: z
    .string({ required_error: "question is required", invalid_type_error: "question must be a string" })
    .trim()
    .min(1, "question must not be empty")
    .max(MAX_QUESTION_CHARS, `question must be at most ${MAX_QUESTION_CHARS} characters`),
  history: z
    .array(
      z.object({
        role: z.enum(["user", "assistant"]),
        content: z.string().max(MAX_TURN_CHARS, `history turns must be at most ${MAX_TURN_CHARS} characters`),
      }),
    )
    .max(MAX_HISTORY_TURNS, `history must have at most ${MAX_HISTORY_TURNS} turns`)
    .optional(),
  docs: z.array(z.string().trim().min(1).max(64)).max(50).optional(),
  k: z.number().int().min(1).max(20).optional(),
});

export type AskRequestBody = z.infer<typeof askRequestSchema>;
