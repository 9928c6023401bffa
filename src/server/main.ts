// `npm start`: serve the corpus on HOST:PORT, ingesting first when the index is missing or stale.
import { loadConfig } from "../config.ts";
import { ReviewChatError } from "../errors.ts";
import { startServer } from "./start-server.ts";

try {
  const running = await startServer(loadConfig(process.env), { log: (line) => console.log(line) });
  console.log(`Review Chat listening on ${running.url}`);
} catch (error) {
  if (ReviewChatError.isInstance(error)) {
    console.error(`review-chat: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
