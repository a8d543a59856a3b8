import { equal } from "node:assert/strict";
import { CI_MARKERS, detectCi } from "../../src/consent/mod.ts";

Deno.test("detectCi recognises every marker of the contract", () => {
  for (
    const name of [
      "CI",
      "GITHUB_ACTIONS",
      "GITLAB_CI",
      "JENKINS_URL",
      "BUILD_ID",
      "CIRCLECI",
      "TRAVIS",
      "TF_BUILD",
      "BITBUCKET_PIPELINE_UUID",
    ]
  ) {
    equal(detectCi({ [name]: "1" }), name);
  }
});

Deno.test("detectCi recognises the other widely used services' markers", () => {
  for (
    const name of [
      "BUILDKITE",
      "TEAMCITY_VERSION",
      "SYSTEM_TEAMFOUNDATIONCOLLECTIONURI",
      "bamboo_planKey",
      "DRONE",
      "CODEBUILD_BUILD_ARN",
      "CI_XCODE_PROJECT",
      "HEROKU_TEST_RUN_ID",
    ]
  ) {
    equal(CI_MARKERS.includes(name), true, name);
    equal(detectCi({ [name]: "x" }), name);
  }
  equal(detectCi({ CI_NAME: "codeship" }), "CI_NAME");
});

Deno.test("detectCi does not count CI=false, CI=0 or an empty marker", () => {
  equal(detectCi({ CI: "false" }), undefined);
  equal(detectCi({ CI: "0" }), undefined);
  equal(detectCi({ GITHUB_ACTIONS: "" }), undefined);
  equal(detectCi({ BUILD_NUMBER: "  " }), undefined);
  equal(detectCi({ HOME: "/home/ci", PATH: "/ci/bin" }), undefined);
});

Deno.test("detectCi counts a service marker set to 0 or false: only CI is a flag", () => {
  equal(detectCi({ BUILD_NUMBER: "0" }), "BUILD_NUMBER");
  equal(detectCi({ TASK_ID: "0" }), "TASK_ID");
  equal(detectCi({ TRAVIS: "false" }), "TRAVIS");
  equal(detectCi({ CI: "0", BUILD_ID: "0" }), "BUILD_ID");
});
