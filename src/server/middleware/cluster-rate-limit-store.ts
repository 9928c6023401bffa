// A rate-limit store for WORKERS=n: the counters live in the primary, so a client gets the same
// limit however the kernel spreads its connections over the workers (a per-worker MemoryStore
// would let it through n times).
import { type ClientRateLimitInfo, MemoryStore, type Options, type Store } from "express-rate-limit";
import { type IpcChannel, primaryChannel } from "../cluster-ipc.ts";

interface StoreRequest {
  name: string;
  windowMs: number;
  op: "get" | "increment" | "decrement" | "resetKey";
  key: string;
}

interface WireInfo {
  totalHits: number;
  resetTime?: number;
}

const IPC_TIMEOUT_MS = 2_000;

/** Worker side: forwards every operation to the primary. */
export class ClusterRateLimitStore implements Store {
  readonly localKeys = false;
  private windowMs = 60_000;
  private readonly channel: IpcChannel;

  /** `name` keeps the counters of different limiters apart in the primary. */
  constructor(readonly name: string) {
    const channel = primaryChannel();
    if (!channel) throw new Error("ClusterRateLimitStore only works in a cluster worker");
    this.channel = channel;
  }

  init(options: Options): void {
    this.windowMs = options.windowMs;
  }

  private async call(op: StoreRequest["op"], key: string): Promise<WireInfo | undefined> {
    const request: StoreRequest = { name: this.name, windowMs: this.windowMs, op, key };
    return this.channel.request<WireInfo | undefined>("rate-limit", request, IPC_TIMEOUT_MS);
  }

  async get(key: string): Promise<ClientRateLimitInfo | undefined> {
    const info = await this.call("get", key);
    return info ? toInfo(info) : undefined;
  }

  async increment(key: string): Promise<ClientRateLimitInfo> {
    const info = await this.call("increment", key);
    return toInfo(info ?? { totalHits: 1 });
  }

  async decrement(key: string): Promise<void> {
    await this.call("decrement", key);
  }

  async resetKey(key: string): Promise<void> {
    await this.call("resetKey", key);
  }
}

const toInfo = (info: WireInfo): ClientRateLimitInfo => ({
  totalHits: info.totalHits,
  resetTime: info.resetTime === undefined ? undefined : new Date(info.resetTime),
});

/** Primary side: one MemoryStore per limiter name; answers the workers' "rate-limit" requests. */
export function createRateLimitStoreHandler(): (payload: unknown) => Promise<WireInfo | undefined> {
  const stores = new Map<string, MemoryStore>();
  return async (payload) => {
    const { name, windowMs, op, key } = payload as StoreRequest;
    let store = stores.get(name);
    if (!store) {
      store = new MemoryStore();
      store.init({ windowMs } as Options);
      stores.set(name, store);
    }
    switch (op) {
      case "get": {
        const info = await store.get(key);
        return info ? { totalHits: info.totalHits, resetTime: info.resetTime?.getTime() } : undefined;
      }
      case "increment": {
        const info = await store.increment(key);
        return { totalHits: info.totalHits, resetTime: info.resetTime?.getTime() };
      }
      case "decrement":
        await store.decrement(key);
        return undefined;
      case "resetKey":
        await store.resetKey(key);
        return undefined;
    }
  };
}
