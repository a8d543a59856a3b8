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

Deno.test("deno doc --lint src/mod.ts passes: every export documented, no public type referring to a private one", () => {
  const lint = deno(["doc", "--lint", "src/mod.ts"]);
  equal(lint.code, 0, lint.stdout + lint.stderr);
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
