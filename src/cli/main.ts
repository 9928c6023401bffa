// `review-chat` command line: one module per command under ./commands.
import { Command } from "commander";
import { ReviewChatError } from "../errors.ts";
import { registerAskCommand } from "./commands/ask.ts";
import { registerDocsCommand } from "./commands/docs.ts";
import { registerEvalBeirCommand } from "./commands/eval-beir.ts";
import { registerIngestCommand } from "./commands/ingest.ts";
import { registerRefsCommand } from "./commands/refs.ts";

const program = new Command()
  .name("review-chat")
  .description("Citation-grounded answers from scientific review papers")
  .showHelpAfterError();

registerIngestCommand(program);
registerDocsCommand(program);
registerRefsCommand(program);
registerAskCommand(program);
registerEvalBeirCommand(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  // Our own errors carry a message meant for the user; anything else is a bug worth its stack.
  if (ReviewChatError.isInstance(error)) {
    console.error(`review-chat: ${error.message}`);
    process.exitCode = error.status === 404 ? 2 : 1;
  } else {
    throw error;
  }
}
