import { equal } from "node:assert/strict";
import { pythonMajorMinor } from "../../src/client/python_major_minor.ts";

Deno.test("pythonMajorMinor cuts any version that starts with X.Y to X.Y", () => {
  equal(pythonMajorMinor("3.12.0rc1"), "3.12");
  equal(pythonMajorMinor("3.11.7"), "3.11");
  equal(pythonMajorMinor("3.13"), "3.13");
  equal(pythonMajorMinor("3.14.0a1+"), "3.14");
  equal(pythonMajorMinor(" 3.10.2 "), "3.10");
});

Deno.test("pythonMajorMinor gives a value without an X.Y start back as it is, for validation to refuse", () => {
  equal(pythonMajorMinor("three"), "three");
  equal(pythonMajorMinor("3"), "3");
  equal(pythonMajorMinor("v3.12"), "v3.12");
});
