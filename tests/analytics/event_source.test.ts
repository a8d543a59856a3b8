import { deepEqual, equal, throws } from "node:assert/strict";
import {
  describeSource,
  exportUrlOf,
  resolveSource,
  SourceError,
} from "../../src/analytics/mod.ts";

Deno.test("a collector URL is read at its /v1/export, whether given as its base, endpoint or export", () => {
  equal(exportUrlOf("http://127.0.0.1:8787"), "http://127.0.0.1:8787/v1/export");
  equal(exportUrlOf("https://t.example/v1/events"), "https://t.example/v1/export");
  equal(exportUrlOf("https://t.example/v1/export?since=2026-01-01"), "https://t.example/v1/export");
  equal(exportUrlOf("https://t.example/prefix/"), "https://t.example/prefix/v1/export");
  throws(() => exportUrlOf("http://"), SourceError);
});

Deno.test("without --source, the Gist of JMO_TELEMETRY_GIST_ID is read, else the collector of the endpoint", () => {
  deepEqual(resolveSource(undefined, {}), {
    kind: "collector",
    exportUrl: "https://telemetry.jmotools.com/v1/export",
    token: undefined,
  });
  deepEqual(
    resolveSource(undefined, {
      JMO_TELEMETRY_ENDPOINT: "http://127.0.0.1:9/v1/events",
      JMO_TELEMETRY_ADMIN_TOKEN: " secret ",
    }),
    { kind: "collector", exportUrl: "http://127.0.0.1:9/v1/export", token: "secret" },
  );
  deepEqual(
    resolveSource(undefined, {
      JMO_TELEMETRY_GIST_ID: "abc",
      JMO_TELEMETRY_GITHUB_TOKEN: "t",
      JMO_TELEMETRY_GITHUB_API: "http://127.0.0.1:1/",
    }),
    { kind: "gist", gistId: "abc", apiBase: "http://127.0.0.1:1", token: "t" },
  );
});

Deno.test("--source names a collector, a Gist, standard input or a path", () => {
  equal(resolveSource("HTTPS://t.example", {}).kind, "collector");
  deepEqual(resolveSource("gist:f00", {}), {
    kind: "gist",
    gistId: "f00",
    apiBase: "https://api.github.com",
    token: undefined,
  });
  deepEqual(resolveSource("-", {}), { kind: "stdin" });
  deepEqual(resolveSource("./events.jsonl", {}), { kind: "path", path: "./events.jsonl" });
  equal(
    describeSource(resolveSource("gist:f00", { JMO_TELEMETRY_GITHUB_TOKEN: "ghp_secret" })),
    "gist:f00",
    "a description never shows the token",
  );
});

Deno.test("gist: without an id is refused before any I/O, saying the Gist id is missing", () => {
  for (const spec of ["gist:", "gist:  "]) {
    throws(
      () => resolveSource(spec, {}),
      (e: Error) =>
        e instanceof SourceError &&
        /^the Gist id is missing: give the source as gist:<id>/.test(e.message),
      spec,
    );
  }
  deepEqual(resolveSource("gist: f00 ", {}), {
    kind: "gist",
    gistId: "f00",
    apiBase: "https://api.github.com",
    token: undefined,
  }, "spaces around the id are not part of it");
});
