import { equal, rejects } from "node:assert/strict";
import { type FetchRuntime, proxyFetch } from "../../src/transport/proxy_fetch.ts";

/** A Node-like runtime whose undici records the agents it makes and the requests it sends. */
function nodeLike(installed = true) {
  const agents: Record<string, unknown>[] = [];
  const sent: { url: string; dispatcher: unknown }[] = [];
  class EnvHttpProxyAgent {
    constructor(readonly options: Record<string, unknown>) {
      agents.push(options);
    }
  }
  const runtime: FetchRuntime = {
    honoursProxyVariables: false,
    loadUndici: () => {
      if (!installed) throw new Error("Cannot find module 'undici'");
      return {
        EnvHttpProxyAgent,
        fetch: (input, init) => {
          sent.push({ url: String(input), dispatcher: init?.dispatcher });
          return Promise.resolve(new Response("{}"));
        },
      };
    },
  };
  return { runtime, agents, sent };
}

Deno.test("proxyFetch under Node without a proxy variable is the global fetch and loads no undici", () => {
  const node = nodeLike(false);
  const send = proxyFetch({ NO_PROXY: "example.test" }, node.runtime);
  equal(typeof send, "function");
  equal(node.agents.length, 0);
});

Deno.test("proxyFetch under Node with a proxy gives each request its own EnvHttpProxyAgent as dispatcher, from the variables it was given", async () => {
  const node = nodeLike();
  const send = proxyFetch(
    { https_proxy: "http://proxy.test:3128", NO_PROXY: "internal.test" },
    node.runtime,
  );
  await send("https://collector.test/v1/events", { method: "POST" });
  equal(node.agents.length, 1);
  equal(node.agents[0].httpsProxy, "http://proxy.test:3128");
  equal(node.agents[0].noProxy, "internal.test");
  equal(node.sent[0].url, "https://collector.test/v1/events");
  equal(node.sent[0].dispatcher instanceof Object, true);
});

Deno.test("proxyFetch under Node with a proxy but no undici fails every request saying to install it, never going around the proxy", async () => {
  const send = proxyFetch({ HTTP_PROXY: "http://proxy.test:3128" }, nodeLike(false).runtime);
  await rejects(send("http://collector.test/v1/events"), /install undici/);
});

Deno.test("proxyFetch under Deno or Bun is the runtime's fetch, which honours the variables itself", () => {
  const node = nodeLike();
  proxyFetch({ HTTPS_PROXY: "http://proxy.test:3128" }, {
    ...node.runtime,
    honoursProxyVariables: true,
  });
  equal(node.agents.length, 0);
});
