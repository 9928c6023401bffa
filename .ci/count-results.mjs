// CI's closing line, "N passed, N failed", from vitest's JSON reports (unit and e2e). A test file that
// fails without a failing test — a beforeAll that throws, an import that fails — counts as one failure:
// vitest reports it only as a failed suite (testResults[].status), with its tests skipped or absent.
// A missing report counts as a failure too (the run crashed before writing it).
//
//   node .ci/count-results.mjs test/artifacts/vitest-results.json test/artifacts/e2e-results.json
import fs from "node:fs";

let passed = 0;
let failed = 0;
for (const file of process.argv.slice(2)) {
  if (!fs.existsSync(file)) {
    console.error(`missing ${file}`);
    failed += 1;
    continue;
  }
  const report = JSON.parse(fs.readFileSync(file, "utf8"));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  for (const suite of report.testResults ?? []) {
    if (suite.status !== "failed") continue;
    if ((suite.assertionResults ?? []).some((test) => test.status === "failed")) continue;
    failed += 1;
    const reason = (suite.message ?? "").split("\n")[0];
    console.error(`failed suite ${suite.name}${reason ? `: ${reason}` : ""}`);
  }
}
console.log(`${passed} passed, ${failed} failed`);
