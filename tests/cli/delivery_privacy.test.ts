import { equal } from "node:assert/strict";
import { join } from "node:path";
import { processesWithEnv, waitUntil } from "../helpers/background_processes.ts";
import { startFakeGitHub } from "../helpers/fake_github.ts";
import { cleanEnv, runBinary, trackArgs, VALID_METADATA } from "../helpers/run_binary.ts";
import { deliveredIds, startTestServer, type TestServer } from "../helpers/test_server.ts";

const MARK = `Qz7mark${crypto.randomUUID().slice(0, 8)}`;

Deno.test("a marker in HOME, the working directory, USER, HOSTNAME and secret variables never reaches any request line, header or body", async () => {
  const root = await Deno.makeTempDir({ prefix: `jmo-${MARK}-` });
  const home = join(root, `home-${MARK}`);
  const cwd = join(root, `work-${MARK}`);
  await Deno.mkdir(home);
  await Deno.mkdir(cwd);
  await Deno.writeTextFile(join(cwd, "jmo.yml"), `# owner: ${MARK}\ntelemetry:\n  enabled: true\n`);
  const collector = await startTestServer(() => ({ status: 200, body: "{}" }));
  const github = await startFakeGitHub();
  const run = crypto.randomUUID();
  const secrets = {
    USER: MARK,
    LOGNAME: MARK,
    HOSTNAME: `host-${MARK}`,
    AWS_ACCESS_KEY_ID: `AKIA${MARK}`,
    AWS_SECRET_ACCESS_KEY: MARK,
    GITHUB_TOKEN: `ghp_${MARK}`,
    NPM_TOKEN: MARK,
    DATABASE_URL: `postgres://${MARK}:${MARK}@db/${MARK}`,
    JMO_TEST_RUN: run,
  };
  const collectorEnv = { ...secrets, JMO_TELEMETRY_ENDPOINT: `${collector.origin}/v1/events` };
  const gistEnv = {
    ...collectorEnv,
    JMO_TELEMETRY_GIST_ID: github.gistId,
    JMO_TELEMETRY_GITHUB_TOKEN: github.token,
    JMO_TELEMETRY_GITHUB_API: github.apiBase,
  };
  const binary = (args: string[], env: Record<string, string>) =>
    runBinary(args, { env: cleanEnv(home, env), cwd });
  // A first scan shows the notice; the loop's scan.started is the next one, which releases delivery.
  equal((await binary(trackArgs("scan.started"), collectorEnv)).code, 0);
  for (const env of [collectorEnv, gistEnv]) {
    for (const event of Object.keys(VALID_METADATA)) {
      const r = await binary(
        trackArgs(event, ["--tool-version", "1.2.3", "--python-version", "3.12.1"]),
        env,
      );
      equal(r.code, 0, r.stderr);
    }
    await waitUntil(
      () => processesWithEnv("JMO_TEST_RUN", run).length === 0,
      "background flushers",
    );
    equal((await binary(["flush"], env)).code, 0);
  }
  const servers: TestServer[] = [collector, github.server];
  const events = Object.keys(VALID_METADATA).length;
  // The collector also got the first scan.started, which showed the notice.
  equal(deliveredIds(collector).length, events + 1);
  equal(deliveredIds(github.server).length, events);
  for (const server of servers) {
    for (const request of server.requests) equal(request.raw.includes(MARK), false, request.raw);
  }
  await collector.close();
  await github.server.close();
  await Deno.remove(root, { recursive: true });
});
