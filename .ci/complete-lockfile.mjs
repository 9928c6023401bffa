// The registry this project installs from serves only the packages for this platform, so npm
// writes lock files without the other platforms' optional native builds (e.g. rollup's
// @rollup/rollup-darwin-x64), and `npm ci` then refuses the lock as out of sync. Add those
// entries, marked optional with the os/cpu their names declare, so npm ci skips them here.
import fs from "node:fs";

const LOCK = new URL("../package-lock.json", import.meta.url);
const lock = JSON.parse(fs.readFileSync(LOCK, "utf8"));
const packages = lock.packages;

const OS = ["android", "darwin", "freebsd", "linux", "openbsd", "openharmony", "win32", "sunos", "aix", "netbsd"];
const CPU = ["arm64", "arm", "x64", "ia32", "loong64", "ppc64", "riscv64", "s390x"];

function platformOf(name) {
  const parts = name.split("/").pop().split("-");
  const os = parts.find((p) => OS.includes(p));
  const cpu = parts.find((p) => CPU.includes(p)) ?? (parts.includes("arm") ? "arm" : undefined);
  const libc = parts.includes("musl") ? { libc: ["musl"] } : parts.includes("gnu") ? { libc: ["glibc"] } : {};
  return os && cpu ? { os: [os], cpu: [cpu], ...libc } : null;
}

let added = 0;
for (const [path, info] of Object.entries(packages)) {
  for (const [dep, version] of Object.entries(info.optionalDependencies ?? {})) {
    const nested = `${path ? `${path}/` : ""}node_modules/${dep}`;
    if (packages[nested] || packages[`node_modules/${dep}`]) continue;
    const platform = platformOf(dep);
    if (!platform) continue;
    packages[`node_modules/${dep}`] = { version, ...(info.dev ? { dev: true } : {}), optional: true, ...platform };
    added++;
  }
}
if (added) {
  fs.writeFileSync(LOCK, `${JSON.stringify(lock, null, 2)}\n`);
  console.log(`complete-lockfile: added ${added} other-platform optional entries`);
}
