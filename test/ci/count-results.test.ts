// CI's closing line (.ci/count-results.mjs) on vitest JSON reports of its own making.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../src/config.ts";

const SCRIPT = path.join(PROJECT_ROOT, ".ci", "count-results.mjs");

function closingLine(reports: unknown[], extraPaths: string[] = []): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "count-results-"));
  const files = reports.map((report, i) => {
    const file = path.join(dir, `report-${i}.json`);
    fs.writeFileSync(file, JSON.stringify(report));
    return file;
  });
  try {
    return execFileSync(process.execPath, [SCRIPT, ...files, ...extraPaths], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const suite = (status: string, tests: string[], message = "") => ({
  name: `/repo/test/${status}.test.ts`,
  status,
  message,
  assertionResults: tests.map((s) => ({ status: s })),
});

describe(".ci/count-results.mjs", () => {
  it("adds the tests of every report", () => {
    const unit = { numPassedTests: 5, numFailedTests: 1, testResults: [suite("passed", ["passed"]), suite("failed", ["failed", "passed"])] };
    const e2e = { numPassedTests: 2, numFailedTests: 0, testResults: [suite("passed", ["passed", "passed"])] };
    expect(closingLine([unit, e2e])).toBe("7 passed, 1 failed");
  });

  it("counts a suite that failed without a failing test (beforeAll threw, import failed) as failed", () => {
    const report = {
      numPassedTests: 3,
      numFailedTests: 0,
      testResults: [suite("failed", ["skipped"], "setup fails"), suite("failed", [], "Cannot find module"), suite("passed", ["passed"])],
    };
    expect(closingLine([report])).toBe("3 passed, 2 failed");
  });

  it("counts a missing report as failed", () => {
    expect(closingLine([], [path.join(os.tmpdir(), "no-such-report.json")])).toBe("0 passed, 1 failed");
  });
});
