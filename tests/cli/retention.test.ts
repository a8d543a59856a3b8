import { equal } from "node:assert/strict";
import { createClient, type TrackMetadata } from "../../src/mod.ts";
import { MAX_SPOOL_BYTES } from "../../src/spool/mod.ts";
import { makeSandbox, trackArgs, VALID_METADATA } from "../helpers/run_binary.ts";

const FAILED = VALID_METADATA["tool.failed"] as TrackMetadata<"tool.failed">;

Deno.test("show and status drop events older than JMO_TELEMETRY_MAX_AGE_DAYS, unsent, and count them", async () => {
  const box = await makeSandbox();
  for (let i = 0; i < 3; i++) equal((await box.run(trackArgs("tool.failed"))).code, 0);
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  const oneSecond = { JMO_TELEMETRY_MAX_AGE_DAYS: String(1 / 86_400) };
  const show = await box.run(["show"], { env: oneSecond });
  equal(show.code, 0);
  equal(show.stdout, "", "an expired event is not one that would be sent");
  const status = JSON.parse((await box.run(["status", "--json"], { env: oneSecond })).stdout);
  equal(status.pending.events, 0);
  equal(status.dropped.expired, 3);
  await box.remove();
});

Deno.test("status keeps the spool within 5 MiB, dropping the oldest first and counting them", async () => {
  const box = await makeSandbox();
  const client = createClient({ env: { DOCKER_CONTAINER: "0" }, homedir: box.home, cwd: box.cwd });
  const first = client.track("tool.failed", FAILED).envelope!.event_id;
  let bytes = 0;
  let last = first;
  while (bytes <= MAX_SPOOL_BYTES + 64 * 1024) {
    const { envelope } = client.track("tool.failed", FAILED);
    bytes += JSON.stringify(envelope).length + 1;
    last = envelope!.event_id;
  }
  client.close();
  const status = JSON.parse((await box.run(["status", "--json"])).stdout);
  equal(status.pending.bytes <= MAX_SPOOL_BYTES, true, `${status.pending.bytes} bytes pending`);
  equal(status.dropped.over_cap > 0, true);
  const shown = (await box.run(["show"])).stdout.trim().split("\n").map((l) =>
    JSON.parse(l).event_id
  );
  equal(shown.includes(first), false, "the oldest went first");
  equal(shown.includes(last), true, "the newest stayed");
  equal(shown.length, status.pending.events);
  await box.remove();
});
