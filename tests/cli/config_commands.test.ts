import { equal, match } from "node:assert/strict";
import { join } from "node:path";
import { makeSandbox } from "../helpers/run_binary.ts";

const COMMENTED = `# JMo Security configuration
profile: balanced   # the default profile

# Telemetry (privacy: https://jmotools.com/privacy)
telemetry:
  enabled: true     # set to false to opt out
  # a note kept verbatim
  endpoint_note: "quoted, kept"

tools:
  - trivy   # first
  - semgrep
`;

Deno.test("disable and enable keep a commented jmo.yml byte-identical except the one value", async () => {
  const box = await makeSandbox();
  const path = join(box.cwd, "jmo.yml");
  Deno.writeTextFileSync(path, COMMENTED);
  const off = await box.run(["disable"]);
  equal(off.code, 0);
  match(off.stdout, /Telemetry disabled in .*jmo\.yml/);
  equal(Deno.readTextFileSync(path), COMMENTED.replace("enabled: true", "enabled: false"));
  equal((await box.run(["enable"])).code, 0);
  equal(Deno.readTextFileSync(path), COMMENTED);
  await box.remove();
});

for (
  const [shape, before, after] of [
    ["an empty enabled value", "telemetry:\n  enabled:\n", "telemetry:\n  enabled: false\n"],
    ["a `...` end marker", "---\nx: 1\n...\n", "---\nx: 1\ntelemetry:\n  enabled: false\n...\n"],
    ["a scalar telemetry value", "telemetry: off  # c\n", "telemetry: {enabled: false}  # c\n"],
  ]
) {
  Deno.test(`disable on a jmo.yml with ${shape} turns telemetry off and keeps the rest`, async () => {
    const box = await makeSandbox();
    const path = join(box.cwd, "jmo.yml");
    Deno.writeTextFileSync(path, before);
    equal((await box.run(["disable"])).code, 0);
    equal(Deno.readTextFileSync(path), after);
    const s = JSON.parse((await box.run(["status", "--json"])).stdout);
    equal(s.enabled, false);
    equal(s.reason, `config:${path}`);
    await box.remove();
  });
}

Deno.test("enable creates jmo.yml when there is none", async () => {
  const box = await makeSandbox();
  equal((await box.run(["enable"])).code, 0);
  equal(Deno.readTextFileSync(join(box.cwd, "jmo.yml")), "telemetry:\n  enabled: true\n");
  await box.remove();
});

Deno.test("enable and disable refuse a malformed jmo.yml with exit 2 and leave it untouched", async () => {
  const box = await makeSandbox();
  const path = join(box.cwd, "jmo.yml");
  const broken = "profile: [fast\ntelemetry:\n  enabled: true\n";
  Deno.writeTextFileSync(path, broken);
  for (const command of ["enable", "disable"]) {
    const r = await box.run([command]);
    equal(r.code, 2);
    match(r.stderr, /not valid YAML .*left untouched/);
    equal(Deno.readTextFileSync(path), broken);
  }
  await box.remove();
});

Deno.test("enable warns when an environment rule keeps telemetry off", async () => {
  const box = await makeSandbox();
  const r = await box.run(["enable"], { env: { DO_NOT_TRACK: "1" } });
  equal(r.code, 0);
  match(r.stderr, /stays off while DO_NOT_TRACK is set/);
  await box.remove();
});

Deno.test("enable --config writes the named file", async () => {
  const box = await makeSandbox();
  const path = join(box.home, "custom.yml");
  equal((await box.run(["disable", "--config", path])).code, 0);
  equal(Deno.readTextFileSync(path), "telemetry:\n  enabled: false\n");
  await box.remove();
});

Deno.test("disable says in words why the config file cannot be written, and what to do", async () => {
  const box = await makeSandbox();
  const missing = join(box.cwd, "no-such-folder", "jmo.yml");
  const r = await box.run(["disable", "--config", missing]);
  equal(r.code, 2);
  equal(
    r.stderr,
    `jmo-telemetry disable: cannot update ${missing} (folder or file missing); it was left untouched. Fix that, or give another file with --config, then run \`jmo-telemetry disable\` again\n`,
  );
  const folder = await box.run(["enable", "--config", box.cwd]);
  equal(folder.code, 2);
  match(folder.stderr, /cannot update \S+ \(is a folder\); it was left untouched\./);
  await box.remove();
});
