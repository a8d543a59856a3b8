import { deepEqual, equal } from "node:assert/strict";
import { ROOT } from "../helpers/run_binary.ts";

function deno(args: string[]): { code: number; stdout: string; stderr: string } {
  const out = new Deno.Command(Deno.execPath(), {
    args,
    cwd: ROOT,
    env: { NO_COLOR: "1" },
    stdout: "piped",
    stderr: "piped",
  }).outputSync();
  const decoder = new TextDecoder();
  return { code: out.code, stdout: decoder.decode(out.stdout), stderr: decoder.decode(out.stderr) };
}

/** One exported symbol of `deno doc --json`, as far as this test reads it. */
interface DocSymbol {
  name: string;
  declarations: { kind: string; jsDoc?: { doc?: string; tags?: { kind: string }[] } }[];
}

/** The package's entries with the names users import them by (deno.json's exports, on JSR). */
const ENTRIES: Record<string, string> = {
  "src/mod.ts": "@jmo/telemetry",
  "src/schema.ts": "@jmo/telemetry/schema",
  "src/analytics/mod.ts": "@jmo/telemetry/analytics",
};

Deno.test("deno doc --lint passes on the client entry: every export documented, no public type referring to a private one", () => {
  const lint = deno(["doc", "--lint", "src/mod.ts"]);
  equal(lint.code, 0, lint.stdout + lint.stderr);
});

Deno.test("every @example of the public API, as JSR shows it, imports the published names, never a relative path", () => {
  const relative: string[] = [];
  const published = Object.values(ENTRIES);
  const walk = (node: unknown, symbol: string) => {
    if (Array.isArray(node)) return node.forEach((child) => walk(child, symbol));
    if (typeof node !== "object" || node === null) return;
    const tag = node as { kind?: string; doc?: string };
    if (tag.kind === "example" && typeof tag.doc === "string") {
      for (const [, from] of tag.doc.matchAll(/from "([^"]+)"/g)) {
        if (!published.includes(from) && !from.startsWith("node:")) {
          relative.push(`${symbol}: ${from}`);
        }
      }
    }
    for (const child of Object.values(node)) walk(child, symbol);
  };
  for (const entry of Object.keys(ENTRIES)) {
    const doc = deno(["doc", "--json", entry]);
    equal(doc.code, 0, doc.stderr);
    const nodes = JSON.parse(doc.stdout).nodes as Record<string, { symbols: DocSymbol[] }>;
    for (const symbol of Object.values(nodes).flatMap((node) => node.symbols)) {
      walk(symbol, symbol.name);
    }
  }
  deepEqual(relative, []);
});

Deno.test("every exported function, constant and class of src/mod.ts has a doc comment with an @example", () => {
  const doc = deno(["doc", "--json", "src/mod.ts"]);
  equal(doc.code, 0, doc.stderr);
  const nodes = JSON.parse(doc.stdout).nodes as Record<string, { symbols: DocSymbol[] }>;
  const symbols = Object.values(nodes).flatMap((node) => node.symbols);
  const lacking = symbols.filter(({ declarations }) =>
    declarations.some(({ kind, jsDoc }) =>
      ["function", "variable", "class"].includes(kind) &&
      !(jsDoc?.doc && jsDoc.tags?.some((tag) => tag.kind === "example"))
    )
  ).map(({ name }) => name);
  deepEqual(lacking, []);
});

Deno.test("deno publish --dry-run passes: the library is JSR-ready, with no slow types in its public API", () => {
  const publish = deno(["publish", "--dry-run", "--allow-dirty"]);
  equal(publish.code, 0, publish.stdout + publish.stderr);
});
