// Prompt templates live as files in prompts/ so they can be read and changed without touching code.
import { readFileSync } from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "../config.ts";
import { ReviewChatError } from "../errors.ts";

export const PROMPTS_DIR = path.join(PROJECT_ROOT, "prompts");

const cache = new Map<string, string>();

/** The template `prompts/<name>`, read once. */
export function loadPrompt(name: string, dir = PROMPTS_DIR): string {
  const file = path.join(dir, name);
  let text = cache.get(file);
  if (text === undefined) {
    try {
      text = readFileSync(file, "utf8");
    } catch (cause) {
      throw new ReviewChatError("config_invalid", `Prompt template ${file} is missing`, { cause });
    }
    cache.set(file, text);
  }
  return text;
}

/**
 * Fill `{{name}}` placeholders; a placeholder without a value is a bug in the caller, not in the prompt.
 *
 * @example
 * fillPrompt("Question: {{question}}", { question: "Why?" }) // "Question: Why?"
 */
export function fillPrompt(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_whole, key: string) => {
    const value = values[key];
    if (value === undefined) throw new ReviewChatError("internal", `Prompt placeholder {{${key}}} has no value`);
    return value;
  });
}
