// Terminal progress bar (with ETA) for long ingest phases; silent when stderr is not a TTY.
import cliProgress from "cli-progress";
import type { BuildProgress } from "../store/build-index.ts";

const LABELS = { parse: "Parsing documents", embed: "Embedding windows" } as const;

export function createProgressBar(stream: NodeJS.WriteStream = process.stderr): BuildProgress {
  let bar: cliProgress.SingleBar | undefined;
  return {
    start(phase, total) {
      bar = new cliProgress.SingleBar(
        {
          stream,
          noTTYOutput: false,
          format: `${LABELS[phase]} [{bar}] {value}/{total} | {percentage}% | ETA {eta_formatted}`,
          etaBuffer: 20,
          hideCursor: true,
        },
        cliProgress.Presets.shades_classic,
      );
      bar.start(total, 0);
    },
    update(done) {
      bar?.update(done);
    },
    stop() {
      bar?.stop();
      bar = undefined;
    },
  };
}
