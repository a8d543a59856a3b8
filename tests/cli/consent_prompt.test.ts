import { equal, match } from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { BINARY, makeSandbox, ROOT } from "../helpers/run_binary.ts";

const PTY = join(ROOT, "tests", "cli", "pty_session.py");

async function consentOnTerminal(answer: string, cwd: string, env: Record<string, string>) {
  const out = await new Deno.Command("python3", {
    args: [PTY, answer, "[y/N]", "--", BINARY, "consent"],
    cwd,
    env,
    clearEnv: true,
    stdout: "piped",
    stderr: "piped",
  }).output();
  return { code: out.code, transcript: new TextDecoder().decode(out.stdout) };
}

for (
  const [answer, expected] of [["y", true], ["YES", true], ["", false], ["nope", false]] as const
) {
  Deno.test(`consent on a terminal: answering '${answer}' records telemetry.enabled: ${expected}`, async () => {
    const box = await makeSandbox();
    const r = await consentOnTerminal(answer, box.cwd, box.env());
    equal(r.code, 0, r.transcript);
    match(r.transcript, /Enable anonymous telemetry\? \[y\/N\]/);
    match(r.transcript, /https:\/\/jmotools\.com\/privacy/);
    equal(Deno.readTextFileSync(join(box.cwd, "jmo.yml")), `telemetry:\n  enabled: ${expected}\n`);
    await box.remove();
  });
}

Deno.test("consent on a terminal keeps a commented jmo.yml byte-identical except the inserted value", async () => {
  const box = await makeSandbox();
  const path = join(box.cwd, "jmo.yml");
  const before = `# JMo Security configuration
profile: balanced   # the default profile

telemetry:
  # no choice yet
  endpoint_note: "quoted, kept"

tools: [trivy,  semgrep]   # spacing kept
`;
  Deno.writeTextFileSync(path, before);
  const r = await consentOnTerminal("y", box.cwd, box.env());
  equal(r.code, 0, r.transcript);
  match(r.transcript, /\[y\/N\]/);
  equal(
    Deno.readTextFileSync(path),
    before.replace("telemetry:\n", "telemetry:\n  enabled: true\n"),
  );
  await box.remove();
});

Deno.test("consent asks nothing when the config already holds a choice", async () => {
  const box = await makeSandbox();
  Deno.writeTextFileSync(join(box.cwd, "jmo.yml"), "telemetry:\n  enabled: false\n");
  const r = await consentOnTerminal("y", box.cwd, box.env());
  equal(r.code, 0);
  equal(r.transcript.includes("[y/N]"), false);
  equal(Deno.readTextFileSync(join(box.cwd, "jmo.yml")), "telemetry:\n  enabled: false\n");
  await box.remove();
});

Deno.test("consent without a terminal asks nothing and changes nothing", async () => {
  const box = await makeSandbox();
  const r = await box.run(["consent"], { stdin: "y\n" });
  equal(r.code, 0);
  equal(r.stdout + r.stderr, "");
  equal(existsSync(join(box.cwd, "jmo.yml")), false);
  await box.remove();
});
