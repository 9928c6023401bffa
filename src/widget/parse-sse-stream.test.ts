import { describe, expect, it } from "vitest";
import { readServerSentEvents, takeServerSentEvents } from "./parse-sse-stream.ts";

function streamOf(chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
}

async function collect(chunks: string[]) {
  const events = [];
  for await (const event of readServerSentEvents(streamOf(chunks))) events.push(event);
  return events;
}

describe("takeServerSentEvents", () => {
  it("parses named events, joins data lines, skips comments and keeps the incomplete tail", () => {
    const { events, rest } = takeServerSentEvents(': ping\n\nevent: sources\ndata: {"a":1}\n\ndata: one\ndata: two\n\nevent: delta\ndata: {"te');
    expect(events).toEqual([
      { event: "sources", data: '{"a":1}' },
      { event: "message", data: "one\ntwo" },
    ]);
    expect(rest).toBe('event: delta\ndata: {"te');
  });

  it("accepts CRLF line endings and a field without a space after the colon", () => {
    const { events } = takeServerSentEvents("event:done\r\ndata:{}\r\n\r\n");
    expect(events).toEqual([{ event: "done", data: "{}" }]);
  });
});

describe("readServerSentEvents", () => {
  it("reassembles events split anywhere across network chunks, multi-byte characters included", async () => {
    const text = 'event: delta\ndata: {"text":"Doxorubicin – α-tocopherol ¹⁷"}\n\nevent: done\ndata: {"answer":"x"}\n\n';
    const bytes = new TextEncoder().encode(text);
    // Split the byte stream at every third byte, cutting UTF-8 sequences in half.
    const pieces: Uint8Array[] = [];
    for (let i = 0; i < bytes.length; i += 3) pieces.push(bytes.slice(i, i + 3));
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const piece of pieces) controller.enqueue(piece);
        controller.close();
      },
    });
    const events = [];
    for await (const event of readServerSentEvents(stream)) events.push(event);
    expect(events).toEqual([
      { event: "delta", data: '{"text":"Doxorubicin – α-tocopherol ¹⁷"}' },
      { event: "done", data: '{"answer":"x"}' },
    ]);
  });

  it("dispatches a last event the server closed without a blank line", async () => {
    expect(await collect(["event: done\ndata: {}"])).toEqual([{ event: "done", data: "{}" }]);
  });
});
