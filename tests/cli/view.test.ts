import { deepEqual, equal, match, ok } from "node:assert/strict";
import { join } from "node:path";
import { datasetLines } from "../fixtures/analytics/dataset.ts";
import { withDatasetSandbox } from "../fixtures/analytics/dataset_sandbox.ts";
import {
  controlCharacters,
  HOSTILE,
  HOSTILE_ESCAPED,
  hostileLine,
} from "../fixtures/analytics/hostile_text.ts";
import { largeQuarterLines, LONG_TOOL } from "../fixtures/analytics/large_quarter.ts";
import { serveGistApi } from "../analytics/gist_api_server.ts";
import { parseCsv } from "../analytics/parse_csv.ts";
import { BINARY, makeSandbox, ROOT } from "../helpers/run_binary.ts";
import { startFakeGitHub } from "../helpers/fake_github.ts";
import { showNotice } from "../helpers/show_notice.ts";
import { spoolEvents } from "../helpers/spool_events.ts";
import { startTestCollector } from "../helpers/start_test_collector.ts";

const DATASET = datasetLines().join("\n") + "\n";

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\<>]/g, "\\$&");

/** A bar chart row: label, count (as printed), a bar (or none for zero), share. */
function row(stdout: string, label: string, count: number | string, share: string): void {
  match(
    stdout,
    new RegExp(`^  ${escape(label)} +${count}  [█▏▎▍▌▋▊▉]* +${escape(share)}$`, "m"),
    `${label} ${count} ${share}`,
  );
}

function total(stdout: string, label: string, count: number | string): void {
  match(stdout, new RegExp(`^  ${label} +${count}$`, "m"), `${label} ${count}`);
}

Deno.test("view of the generated data set shows every known number", async () => {
  await withDatasetSandbox(async (box, file) => {
    const r = await box.run(["view", "--source", file]);
    equal(r.code, 0, r.stderr);
    match(
      r.stderr,
      /skipped 2 line\(s\) that are not valid events \(first: .*events\.jsonl line 23: not JSON\)/,
    );
    const out = r.stdout;
    ok(!out.includes("\x1b["), "no colour when stdout is not a terminal");
    match(
      out,
      /^Read: +38 valid events read; 3 duplicates counted once; 2 invalid lines skipped$/m,
    );
    match(out, /^Period: +2025-10-05T10:00:00Z to 2026-04-01T00:10:00Z$/m);
    total(out, "events", 38);
    total(out, "unique installs", 12);
    total(out, "scans started", 15);
    total(out, "scans completed", 13);
    total(out, "wizard runs", 3);
    total(out, "tool failures", 4);
    row(out, "scan.started", 15, "39.5%");
    row(out, "scan.completed", 13, "34.2%");
    row(out, "tool.failed", 4, "10.5%");
    row(out, "wizard.completed", 3, "7.9%");
    row(out, "report.generated", 3, "7.9%");
    row(out, "Linux", 7, "58.3%");
    row(out, "macOS", 3, "25%");
    row(out, "Windows", 2, "16.7%");
    row(out, "3.12", 5, "41.7%");
    row(out, "3.11", 4, "33.3%");
    row(out, "3.10", 2, "16.7%");
    row(out, "not given", 1, "8.3%");
    row(out, "balanced", 10, "66.7%");
    row(out, "fast", 3, "20%");
    row(out, "deep", 2, "13.3%");
    row(out, "slim", 0, "0%");
    row(out, "custom", 0, "0%");
    row(out, "cli", 9, "60%");
    row(out, "docker", 4, "26.7%");
    row(out, "wizard", 2, "13.3%");
    row(out, "trivy", 11, "73.3%");
    row(out, "semgrep", 9, "60%");
    row(out, "zap", 3, "20%");
    match(out, /^ {2}zap +1 +3 +33\.3% +crash 1$/m);
    match(out, /^ {2}trivy +3 +11 +27\.3% +timeout 3$/m);
    ok(!/^ {2}semgrep +0 /m.test(out), "a tool that never failed is not in the failure table");
    row(out, "<5min", 8, "61.5%");
    row(out, "5-15min", 3, "23.1%");
    row(out, "15-30min", 1, "7.7%");
    row(out, ">30min", 1, "7.7%");
    row(out, "0", 5, "38.5%");
    row(out, "1-10", 3, "23.1%");
    row(out, "10-100", 2, "15.4%");
    row(out, "100-1000", 1, "7.7%");
    row(out, ">1000", 1, "7.7%");
    row(out, "repos", 13, "48.1%");
    row(out, "images", 7, "25.9%");
    row(out, "urls", 3, "11.1%");
    row(out, "iac", 2, "7.4%");
    row(out, "gitlab", 1, "3.7%");
    row(out, "k8s", 1, "3.7%");
    row(out, "1.0.1", 7, "58.3%");
    row(out, "0.9.0", 2, "16.7%");
    row(out, "1.0.0", 2, "16.7%");
    row(out, "1.1.0", 1, "8.3%");
    const latest = out.slice(out.indexOf("Latest 10 events")).trimEnd().split("\n").slice(2);
    equal(latest.length, 10);
    match(
      latest[0],
      /^ {2}2026-04-01T00:10:00Z +scan\.completed +Linux +1\.0\.1 +3\.11 +00000042 +balanced cli <5min findings=1-10$/,
    );
    match(latest[9], /^ {2}2026-02-28T18:20:00Z +scan\.completed +macOS /);
  });
});

Deno.test("view prints counts in the thousands with en-US separators, in columns that line up", async () => {
  await withDatasetSandbox(async (box, file) => {
    const r = await box.run(["view", "--source", file]);
    equal(r.code, 0, r.stderr);
    const out = r.stdout;
    match(
      out,
      /^Read: +13,835 valid events read; 0 duplicates counted once; 0 invalid lines skipped$/m,
    );
    total(out, "events", "13,835");
    total(out, "unique installs", " 1,200");
    total(out, "scans started", "12,000");
    total(out, "tool failures", " 1,835");
    row(out, "cli", "4,000", "33.3%");
    row(out, "Linux", 720, "60%");
    row(out, LONG_TOOL, "12,000", "100%");
    match(out, new RegExp(`^ {2}${LONG_TOOL} +1,715 +12,000 +14\\.3% +timeout 1,715$`, "m"));
    match(out, /^ {2}trivy +120 +12,000 +1% +timeout 120$/m);
  }, largeQuarterLines());
});

Deno.test("view --since keeps the events timestamped at or after the date", async () => {
  await withDatasetSandbox(async (box, file) => {
    const r = await box.run(["view", "--source", file, "--since", "2026-01-01"]);
    equal(r.code, 0, r.stderr);
    match(r.stdout, /^Since: +2026-01-01T00:00:00\.000Z$/m);
    total(r.stdout, "events", 29);
    total(r.stdout, "unique installs", 10);
    total(r.stdout, "scans started", 11);
    total(r.stdout, "scans completed", 9);
    total(r.stdout, "tool failures", 3);
    match(r.stdout, /^ {2}trivy +2 +9 +22\.2% +timeout 2$/m);
  });
});

Deno.test("view --raw prints each valid event once, as read, one NDJSON line each", async () => {
  await withDatasetSandbox(async (box, file) => {
    const r = await box.run(["view", "--source", file, "--raw"]);
    equal(r.code, 0, r.stderr);
    const lines = r.stdout.trimEnd().split("\n");
    equal(lines.length, 38);
    const valid = datasetLines().filter((l, i, all) => {
      try {
        const id = JSON.parse(l).event_id;
        return id !== "0000270f-0000-4000-8000-00000000000e" &&
          all.findIndex((o) => o.includes(`"event_id":"${id}"`)) === i;
      } catch {
        return false;
      }
    });
    deepEqual(lines, valid);
    const since = await box.run(["view", "--source", file, "--raw", "--since", "2026-04-01"]);
    deepEqual(since.stdout.trimEnd().split("\n").map((l) => JSON.parse(l).timestamp), [
      "2026-04-01T00:10:00Z",
      "2026-04-01T00:00:00Z",
    ]);
  });
});

Deno.test("view --export csv writes RFC 4180 CSV to --output, or to stdout", async () => {
  await withDatasetSandbox(async (box, file) => {
    const out = join(box.cwd, "telemetry.csv");
    const r = await box.run(["view", "--source", file, "--export", "csv", "--output", out]);
    equal(r.code, 0, r.stderr);
    equal(r.stdout, "");
    const text = await Deno.readTextFile(out);
    const [header, ...rows] = parseCsv(text);
    equal(rows.length, 38);
    equal(header.length, 44);
    ok(rows.every((cells) => cells.length === header.length));
    const tools = header.indexOf("metadata.tools");
    const event = header.indexOf("event");
    deepEqual(
      rows.filter((cells) => cells[event] === "scan.started").map((cells) => cells[tools]).slice(
        0,
        5,
      ),
      ["trivy", "trivy", "semgrep", "semgrep", "trivy;semgrep"],
    );
    const stdout = await box.run(["view", "--source", file, "--export", "csv"]);
    equal(stdout.stdout, text);
  });
});

Deno.test("view reads standard input with --source -", async () => {
  const box = await makeSandbox();
  const r = await box.run(["view", "--source", "-"], { stdin: DATASET });
  equal(r.code, 0, r.stderr);
  total(r.stdout, "events", 38);
  match(r.stdout, /^Source: +standard input$/m);
  const empty = await box.run(["view", "--source", "-"], { stdin: "" });
  equal(empty.code, 0);
  match(empty.stdout, /No events to show\./);
  await box.remove();
});

Deno.test("view colours on a terminal, and never with NO_COLOR", async () => {
  await withDatasetSandbox(async (box, file) => {
    const onTerminal = (extra: Record<string, string>) =>
      new Deno.Command("python3", {
        args: [
          join(ROOT, "tests/cli/pty_session.py"),
          "",
          "(no prompt to answer)",
          "--",
          BINARY,
          "view",
          "--source",
          file,
        ],
        env: box.env(extra),
        clearEnv: true,
        cwd: box.cwd,
      }).output();
    const coloured = new TextDecoder().decode((await onTerminal({})).stdout);
    ok(coloured.includes("\x1b[1;36mTotals\x1b[0m"), "headings are coloured");
    ok(coloured.includes("\x1b[32m█"), "bars are coloured");
    const plain = new TextDecoder().decode((await onTerminal({ NO_COLOR: "1" })).stdout);
    match(plain, /Totals/);
    ok(!plain.includes("\x1b["), "NO_COLOR turns colour off on a terminal");
  });
});

Deno.test("view reads a collector's export with the admin token, the default source being JMO_TELEMETRY_ENDPOINT's collector", async () => {
  await using collector = await startTestCollector();
  const valid = datasetLines().flatMap((line) => {
    try {
      const { received_at: _r, ...event } = JSON.parse(line);
      return event.metadata?.tool === "Trivy Scanner" ? [] : [event];
    } catch {
      return [];
    }
  });
  const answer = await collector.post({ events: valid });
  deepEqual(answer.json, { accepted: 38, duplicates: 3, conflicts: 0, schemas: [1, 2] });
  const box = await makeSandbox();
  const token = { JMO_TELEMETRY_ADMIN_TOKEN: collector.adminToken };
  const r = await box.run(["view", "--source", collector.url], { env: token });
  equal(r.code, 0, r.stderr);
  match(
    r.stdout,
    /^Read: +38 valid events read; 0 duplicates counted once; 0 invalid lines skipped$/m,
  );
  total(r.stdout, "unique installs", 12);
  match(r.stdout, /^ {2}zap +1 +3 +33\.3% +crash 1$/m);
  const byDefault = await box.run(["view", "--raw"], {
    env: { ...token, JMO_TELEMETRY_ENDPOINT: collector.eventsUrl },
  });
  equal(byDefault.code, 0, byDefault.stderr);
  equal(byDefault.stdout.trimEnd().split("\n").length, 38);
  ok(byDefault.stdout.split("\n")[0].includes('"received_at":'));
  const noToken = await box.run(["view", "--source", collector.url]);
  equal(noToken.code, 2);
  match(noToken.stderr, /needs the collector's admin token: set JMO_TELEMETRY_ADMIN_TOKEN/);
  const wrong = await box.run(["view", "--source", collector.url], {
    env: { JMO_TELEMETRY_ADMIN_TOKEN: "wrong" },
  });
  equal(wrong.code, 2);
  match(wrong.stderr, /refused the admin token \(401\)/);
  await box.remove();
});

// The Gist server follows GitHub's documented Gist API (GET /gists/{gist_id}, raw_url for truncated files).
Deno.test("view reads a Gist's events-*.jsonl files, by default when JMO_TELEMETRY_GIST_ID is set", async () => {
  const lines = datasetLines();
  await using api = await serveGistApi("c0ffee", {
    "events-20260101T000000Z-aaaa.jsonl": { content: lines.slice(0, 30).join("\n") },
    "events-20260401T000000Z-bbbb.jsonl": { content: lines.slice(30).join("\n"), truncateAt: 10 },
  });
  const box = await makeSandbox();
  const env = {
    JMO_TELEMETRY_GITHUB_API: api.apiBase,
    JMO_TELEMETRY_GITHUB_TOKEN: "ghp_test",
    JMO_TELEMETRY_GIST_ID: "c0ffee",
  };
  const r = await box.run(["view"], { env });
  equal(r.code, 0, r.stderr);
  match(r.stdout, /^Source: +gist:c0ffee$/m);
  match(
    r.stdout,
    /^Read: +38 valid events read; 3 duplicates counted once; 2 invalid lines skipped$/m,
  );
  ok(
    !r.stdout.includes("ghp_test") && !r.stderr.includes("ghp_test"),
    "the token is never printed",
  );
  equal(api.rawRequests.length, 1);
  await box.remove();
});

Deno.test("view of a Gist that GitHub lists only in part says on its Read line that the totals are partial, and warns on stderr", async () => {
  await using api = await serveGistApi("f00d", {
    "events-20260101T000000Z-aaaa.jsonl": { content: datasetLines().join("\n") },
  }, { truncatedList: true });
  const box = await makeSandbox();
  const r = await box.run(["view", "--source", "gist:f00d"], {
    env: { JMO_TELEMETRY_GITHUB_API: api.apiBase },
  });
  equal(r.code, 0, r.stderr);
  match(
    r.stdout,
    /^Read: +38 valid events read; 3 duplicates counted once; 2 invalid lines skipped; GitHub lists only the first 300 files of gist:f00d, more may exist: totals are partial$/m,
  );
  match(
    r.stderr,
    /^jmo-telemetry view: GitHub lists only the first 300 files of gist:f00d; to read them all, git clone https:\/\/gist\.example\/f00d\.git and pass the folder with --source$/m,
  );
  await box.remove();
});

Deno.test("view --source gist: without an id fails at once with a usage error that says the Gist id is missing", async () => {
  await using api = await serveGistApi("f00d", {});
  const box = await makeSandbox();
  const r = await box.run(["view", "--source", "gist:"], {
    env: { JMO_TELEMETRY_GITHUB_API: api.apiBase },
  });
  equal(r.code, 2);
  match(r.stderr, /^jmo-telemetry view: the Gist id is missing: give the source as gist:<id>/);
  match(r.stderr, /Usage: jmo-telemetry view/);
  equal(r.stdout, "");
  equal(api.apiRequests.length, 0, "nothing is asked of GitHub");
  await box.remove();
});

Deno.test("view refuses bad flags and unreadable sources with exit 2 and a message that says what to do", async () => {
  await withDatasetSandbox(async (box, file) => {
    const cases: [string[], RegExp][] = [
      [["--export", "xml"], /--export takes csv, not 'xml'/],
      [["--raw", "--export", "csv"], /--raw and --export exclude each other/],
      [["--output", "x.csv"], /--output goes with --export csv/],
      [["--since", "2026-02-30"], /--since '2026-02-30' is not a date/],
    ];
    for (const [args, message] of cases) {
      const r = await box.run(["view", "--source", file, ...args]);
      equal(r.code, 2, args.join(" "));
      match(r.stderr, message);
      match(r.stderr, /Usage: jmo-telemetry view/);
    }
    const missing = await box.run(["view", "--source", join(box.cwd, "nope.jsonl")]);
    equal(missing.code, 2);
    match(missing.stderr, /nope\.jsonl does not exist: pass an NDJSON file/);
    const help = await box.run(["view", "--help"]);
    match(
      help.stdout,
      /Without --source: gist:\$JMO_TELEMETRY_GIST_ID when that is set, else the\n +collector of JMO_TELEMETRY_ENDPOINT/,
    );
  });
});

Deno.test("view refuses --since before 2000 with exit 2, rather than read 0050 as 1950", async () => {
  await withDatasetSandbox(async (box, file) => {
    for (const since of ["0050-01-01", "1999-12-31", "0099-06-01T00:00:00Z"]) {
      const r = await box.run(["view", "--source", file, "--since", since]);
      equal(r.code, 2, since);
      match(
        r.stderr,
        new RegExp(`--since '${escape(since)}' is before 2000: give a date from 2000 on`),
      );
      match(r.stderr, /Usage: jmo-telemetry view/);
      equal(r.stdout, "");
    }
    const y2k = await box.run(["view", "--source", file, "--since", "2000-01-01"]);
    equal(y2k.code, 0, y2k.stderr);
  });
});

Deno.test("view prints the reasons, origins and paths of a source with their control characters escaped", async () => {
  await withDatasetSandbox(async (box, file) => {
    const r = await box.run(["view", "--source", file]);
    equal(r.code, 0, r.stderr);
    ok(
      r.stderr.includes(
        `valid events (first: ${file} line 1: scan.started: metadata.${HOSTILE_ESCAPED}: unknown key)`,
      ),
      r.stderr,
    );
    deepEqual(controlCharacters(r.stderr + r.stdout), []);

    const folder = join(box.cwd, `clone${HOSTILE}`);
    await Deno.mkdir(folder);
    await Deno.writeTextFile(join(folder, `events\u009b.jsonl`), hostileLine() + "\n");
    const fromFolder = await box.run(["view", "--source", folder]);
    equal(fromFolder.code, 0, fromFolder.stderr);
    ok(fromFolder.stdout.includes(`Source:  ${box.cwd}/clone${HOSTILE_ESCAPED}\n`));
    ok(fromFolder.stderr.includes("(first: events\\u009b.jsonl line 1: "), fromFolder.stderr);
    deepEqual(controlCharacters(fromFolder.stderr + fromFolder.stdout), []);

    for (
      const args of [
        ["--source", join(box.cwd, `missing${HOSTILE}.jsonl`)],
        ["--source", file, "--export", "csv", "--output", join(folder, "no", `x${HOSTILE}.csv`)],
        ["--source", file, "--since", HOSTILE],
        ["--source", file, "--export", HOSTILE],
      ]
    ) {
      const refused = await box.run(["view", ...args]);
      equal(refused.code, 2, args.join(" "));
      ok(refused.stderr.includes(HOSTILE_ESCAPED), refused.stderr);
      deepEqual(controlCharacters(refused.stderr), [], args.join(" "));
    }
  }, [hostileLine(), ...datasetLines()]);
});

// tests/helpers/fake_github.ts follows GitHub's documented Gist API (PATCH and GET /gists/{gist_id}).
Deno.test("what flush delivers to a Gist, view reads back from it, each event once", async () => {
  const box = await makeSandbox();
  const github = await startFakeGitHub();
  const env = {
    JMO_TELEMETRY_GIST_ID: github.gistId,
    JMO_TELEMETRY_GITHUB_TOKEN: github.token,
    JMO_TELEMETRY_GITHUB_API: github.apiBase,
  };
  const ids = [showNotice(box.home), ...spoolEvents(box.home, 699)];
  const flushed = await box.run(["flush"], { env });
  equal(flushed.code, 0, flushed.stdout + flushed.stderr);
  equal(github.files.size, 2, "two batches, two files");
  const r = await box.run(["view", "--raw"], { env });
  equal(r.code, 0, r.stderr);
  deepEqual(r.stdout.trimEnd().split("\n").map((l) => JSON.parse(l).event_id).sort(), ids.sort());
  const dashboard = await box.run(["view"], { env });
  match(
    dashboard.stdout,
    /^Read: +700 valid events read; 0 duplicates counted once; 0 invalid lines skipped$/m,
  );
  await github.server.close();
  await box.remove();
});
