// Server-Sent Events over a fetch() body. EventSource cannot POST a JSON body nor be aborted with a
// signal, so the widget reads the stream itself and parses the text/event-stream format here.

export interface ServerSentEvent {
  /** The `event:` field; "message" when the server sent none. */
  event: string;
  /** The `data:` lines joined with "\n". */
  data: string;
}

/** Parse complete events out of `buffer`; returns them and the unconsumed tail. */
export function takeServerSentEvents(buffer: string): { events: ServerSentEvent[]; rest: string } {
  const events: ServerSentEvent[] = [];
  // Events end at a blank line; CRLF, LF and CR line endings are all legal.
  const pattern = /\r\n\r\n|\n\n|\r\r|\r\n\n|\n\r\n/g;
  let start = 0;
  for (let match = pattern.exec(buffer); match; match = pattern.exec(buffer)) {
    const block = buffer.slice(start, match.index);
    start = match.index + match[0].length;
    const event = parseEventBlock(block);
    if (event) events.push(event);
  }
  return { events, rest: buffer.slice(start) };
}

function parseEventBlock(block: string): ServerSentEvent | undefined {
  let event = "message";
  const data: string[] = [];
  for (const line of block.split(/\r\n|\n|\r/)) {
    if (line === "" || line.startsWith(":")) continue;
    const colon = line.indexOf(":");
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (field === "event") event = value;
    else if (field === "data") data.push(value);
  }
  // A block of only comments or ids dispatches nothing.
  return data.length ? { event, data: data.join("\n") } : undefined;
}

/** Yield events as they arrive on `body`; ends when the server closes the stream. */
export async function* readServerSentEvents(body: ReadableStream<Uint8Array>): AsyncGenerator<ServerSentEvent> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  try {
    for (;;) {
      const { done, value } = await reader.read();
      buffer += done ? decoder.decode() : decoder.decode(value, { stream: true });
      const { events, rest } = takeServerSentEvents(done ? `${buffer}\n\n` : buffer);
      buffer = rest;
      yield* events;
      if (done) return;
    }
  } finally {
    reader.releaseLock();
  }
}
