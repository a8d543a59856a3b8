import { deepEqual, equal } from "node:assert/strict";
import { isAbsolute, joinPath, resolveHome } from "../../src/settings/resolve_home.ts";

Deno.test("resolveHome takes an absolute JMO_HOME, else the default under the home directory", () => {
  deepEqual(resolveHome({}, "/home/ada", "/"), {
    home: "/home/ada/.jmo-security",
    homeFromEnv: false,
  });
  deepEqual(resolveHome({ JMO_HOME: "/srv/jmo" }, "/home/ada", "/"), {
    home: "/srv/jmo",
    homeFromEnv: true,
  });
  deepEqual(resolveHome({ JMO_HOME: "  " }, "C:\\Users\\ada", "\\"), {
    home: "C:\\Users\\ada\\.jmo-security",
    homeFromEnv: false,
  });
});

Deno.test("resolveHome ignores a relative JMO_HOME and says so", () => {
  const r = resolveHome({ JMO_HOME: "relhome" }, "/home/ada", "/");
  equal(r.home, "/home/ada/.jmo-security");
  equal(r.problem?.variable, "JMO_HOME");
  equal(r.problem?.value, "relhome");
});

Deno.test("isAbsolute knows POSIX, drive and UNC paths; joinPath drops the first part's trailing separators", () => {
  for (const path of ["/x", "C:\\x", "c:/x", "\\\\server\\share"]) {
    equal(isAbsolute(path), true, path);
  }
  for (const path of ["x", "./x", "C:x"]) equal(isAbsolute(path), false, path);
  equal(joinPath("/", "/home/ada//", "a", "b"), "/home/ada/a/b");
});
