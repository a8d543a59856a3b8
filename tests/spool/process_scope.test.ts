import { equal, match, notEqual } from "node:assert/strict";
import { processScope } from "../../src/spool/mod.ts";

const SCOPE_OF_CHILD = `import { processScope } from "${
  new URL("../../src/spool/process_scope.ts", import.meta.url).href
}"; console.log(processScope());`;

Deno.test("processScope names this boot and pid namespace in 8 hex digits, the same on every call", () => {
  match(processScope(), /^[0-9a-f]{8}$/);
  equal(processScope(), processScope());
});

Deno.test("a process of this pid namespace has this scope, one in another pid namespace has another", async () => {
  const scopeIn = async (command: string, args: string[]) => {
    const out = await new Deno.Command(command, { args, stdout: "piped" }).output();
    equal(out.success, true);
    return new TextDecoder().decode(out.stdout).trim();
  };
  const deno = [Deno.execPath(), "eval", SCOPE_OF_CHILD];
  equal(await scopeIn(deno[0], deno.slice(1)), processScope());
  notEqual(await scopeIn("unshare", ["--pid", "--fork", ...deno]), processScope());
});
