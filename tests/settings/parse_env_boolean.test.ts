import { equal } from "node:assert/strict";
import { isEnvMarkerSet, parseEnvBoolean } from "../../src/settings/mod.ts";

Deno.test("parseEnvBoolean reads 1, true, yes and on in any case as true", () => {
  for (const word of ["1", "true", "TRUE", "Yes", " on "]) equal(parseEnvBoolean(word), true, word);
});

Deno.test("parseEnvBoolean reads 0, false, no, off and empty as false", () => {
  for (const word of ["0", "false", "False", "no", "off", ""]) {
    equal(parseEnvBoolean(word), false, word);
  }
});

Deno.test("parseEnvBoolean leaves garbage and absence undefined", () => {
  equal(parseEnvBoolean("maybe"), undefined);
  equal(parseEnvBoolean(undefined), undefined);
});

Deno.test("isEnvMarkerSet counts any value but the false words, so CI=false is not CI", () => {
  equal(isEnvMarkerSet("abc123"), true);
  equal(isEnvMarkerSet("true"), true);
  equal(isEnvMarkerSet("false"), false);
  equal(isEnvMarkerSet("0"), false);
  equal(isEnvMarkerSet(""), false);
  equal(isEnvMarkerSet(undefined), false);
});
