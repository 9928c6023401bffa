// The lock file, complete for every platform npm supports.
//
//   node .ci/complete-lockfile.mjs           # generator: add the missing entries (after `npm install --package-lock-only`)
//   node .ci/complete-lockfile.mjs --check   # CI: fail, changing nothing, when the lock is incomplete or out of sync
//
// The registry this project installs from serves only the packages for this platform, so npm writes
// lock files without the other platforms' optional native builds (e.g. rollup's
// @rollup/rollup-darwin-x64), and `npm ci` then refuses the lock as out of sync. The generator adds
// those entries, marked optional with the os/cpu their names declare, so npm ci skips them where they
// do not apply and installs them where they do. The check also compares the lock's root entry with
// package.json and the versions the `overrides` pin, so a package.json edit without a new lock fails
// with a message instead of somewhere inside npm.
import fs from "node:fs";

const LOCK = new URL("../package-lock.json", import.meta.url);
const PACKAGE = new URL("../package.json", import.meta.url);
const lock = JSON.parse(fs.readFileSync(LOCK, "utf8"));
const pkg = JSON.parse(fs.readFileSync(PACKAGE, "utf8"));
const packages = lock.packages;
const check = process.argv.includes("--check");

// The os and cpu values of Node's process.platform / process.arch that native packages name themselves after.
const OS = ["android", "darwin", "freebsd", "linux", "openbsd", "openharmony", "win32", "sunos", "aix", "netbsd"];
const CPU = ["arm64", "arm", "x64", "ia32", "loong64", "ppc64", "riscv64", "s390x"];

function platformOf(name) {
  const parts = name.split("/").pop().split("-");
  const os = parts.find((p) => OS.includes(p));
  const cpu = parts.find((p) => CPU.includes(p)) ?? (parts.includes("arm") ? "arm" : undefined);
  const libc = parts.includes("musl") ? { libc: ["musl"] } : parts.includes("gnu") ? { libc: ["glibc"] } : {};
  return os && cpu ? { os: [os], cpu: [cpu], ...libc } : null;
}

/** Other platforms' optional native builds that the lock names as dependencies but holds no entry for. */
function missingPlatformEntries() {
  const missing = new Map();
  for (const [path, info] of Object.entries(packages)) {
    for (const [dep, version] of Object.entries(info.optionalDependencies ?? {})) {
      const nested = `${path ? `${path}/` : ""}node_modules/${dep}`;
      if (packages[nested] || packages[`node_modules/${dep}`] || missing.has(dep)) continue;
      const platform = platformOf(dep);
      if (!platform) continue;
      missing.set(dep, { version, ...(info.dev ? { dev: true } : {}), optional: true, ...platform });
    }
  }
  return missing;
}

const same = (a, b) => JSON.stringify(a ?? {}) === JSON.stringify(b ?? {});

/** Where package.json and the lock disagree. */
function outOfSync() {
  const problems = [];
  const root = packages[""] ?? {};
  for (const field of ["dependencies", "devDependencies", "optionalDependencies", "peerDependencies", "engines"]) {
    if (!same(pkg[field], root[field])) problems.push(`package.json "${field}" differs from the lock's root entry`);
  }
  // An override pinned to an exact version ("1.5.8", or "$name" for the root's exact spec) must be what
  // the lock resolves for that parent.
  for (const [parent, pins] of Object.entries(pkg.overrides ?? {})) {
    if (typeof pins !== "object") continue;
    for (const [dep, spec] of Object.entries(pins)) {
      const wanted = spec.startsWith("$") ? (pkg.dependencies?.[spec.slice(1)] ?? pkg.devDependencies?.[spec.slice(1)]) : spec;
      if (!/^\d+\.\d+\.\d+$/.test(wanted ?? "")) continue;
      const locked = packages[`node_modules/${parent}/node_modules/${dep}`] ?? packages[`node_modules/${dep}`];
      if (packages[`node_modules/${parent}`] && locked?.version !== wanted) {
        problems.push(`override ${parent} > ${dep}@${wanted}: the lock has ${locked?.version ?? "no entry"}`);
      }
    }
  }
  return problems;
}

const missing = missingPlatformEntries();
if (check) {
  const problems = outOfSync();
  if (missing.size) {
    problems.push(`missing other-platform optional entries (npm ci would refuse the lock elsewhere): ${[...missing.keys()].join(", ")}`);
  }
  if (problems.length) {
    console.error(`package-lock.json is not ready for npm ci on every platform:\n  - ${problems.join("\n  - ")}`);
    console.error(
      "Regenerate it: copy package.json and package-lock.json to a temporary folder, run " +
        "`npm install --package-lock-only --ignore-scripts` there, copy the lock back, then run `node .ci/complete-lockfile.mjs`.",
    );
    process.exit(1);
  }
  console.log("package-lock.json: in sync with package.json and complete for every platform");
} else if (missing.size) {
  for (const [dep, entry] of missing) packages[`node_modules/${dep}`] = entry;
  fs.writeFileSync(LOCK, `${JSON.stringify(lock, null, 2)}\n`);
  console.log(`complete-lockfile: added ${missing.size} other-platform optional entries`);
}
