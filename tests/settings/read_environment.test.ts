import { deepEqual } from "node:assert/strict";
import { readEnvironment } from "../../src/settings/read_environment.ts";

Deno.test("readEnvironment reads only the named variables, and names those the runtime refuses", async () => {
  const script = `import { readEnvironment } from "${
    new URL("../../src/settings/read_environment.ts", import.meta.url).href
  }";
const refused: string[] = [];
console.log(JSON.stringify({ env: readEnvironment(["JMO_A", "JMO_B", "JMO_C"], refused), refused }));`;
  const file = await Deno.makeTempFile({ suffix: ".ts" });
  await Deno.writeTextFile(file, script);
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", "--no-prompt", "--allow-env=JMO_A,JMO_C", file],
    env: { JMO_A: "1", JMO_B: "2" },
    clearEnv: true,
  }).output();
  await Deno.remove(file);
  deepEqual(JSON.parse(new TextDecoder().decode(out.stdout)), {
    env: { JMO_A: "1" },
    refused: ["JMO_B"],
  });
  deepEqual(readEnvironment(["PATH_THAT_IS_NOT_SET_ANYWHERE"]), {});
});
