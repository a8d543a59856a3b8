/**
 * Debian's Chromium, headless, driven over the DevTools protocol on a
 * WebSocket: open a page, evaluate JavaScript in it, take a full-page
 * screenshot. The network is closed, so every background service is off;
 * each browser gets a fresh profile directory, removed on close.
 *
 * @module
 */

/** Where Debian's `chromium` package installs the browser. */
export const CHROMIUM = "/usr/bin/chromium";

const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--hide-scrollbars",
  "--remote-debugging-address=127.0.0.1",
  "--remote-debugging-port=0",
];

type Message = {
  id?: number;
  method?: string;
  sessionId?: string;
  result?: unknown;
  error?: { message: string };
  params?: unknown;
};

/** A page open in headless Chromium. */
export interface ChromiumPage extends AsyncDisposable {
  /** Evaluates an expression in the page (promises awaited) and returns its value. */
  evaluate<T>(expression: string): Promise<T>;
  /** A PNG of the whole page. */
  screenshot(): Promise<Uint8Array>;
  /** Evaluates an expression in a separate blank page, as a scratch pad. */
  evaluateBlank<T>(expression: string): Promise<T>;
  /** URLs the page requested, itself included. */
  requests: string[];
}

async function devtoolsUrl(stderr: ReadableStream<Uint8Array>): Promise<string> {
  const reader = stderr.pipeThrough(new TextDecoderStream()).getReader();
  let seen = "";
  while (true) {
    const { value, done } = await reader.read();
    if (done) throw new Error(`chromium exited before listening:\n${seen}`);
    seen += value;
    const match = /DevTools listening on (ws:\/\/\S+)\r?\n/.exec(seen);
    if (match) {
      (async () => {
        while (!(await reader.read()).done) { /* drain so chromium never blocks on stderr */ }
      })();
      return match[1];
    }
  }
}

/**
 * Starts headless Chromium, opens `url` at the given width and waits for
 * its load event.
 *
 * @example
 * ```ts
 * import { openInChromium } from "./headless_chromium.ts";
 * await using page = await openInChromium("file:///tmp/report.html", 900);
 * const title = await page.evaluate<string>("document.title");
 * ```
 */
export async function openInChromium(url: string, width: number): Promise<ChromiumPage> {
  if (!(await Deno.stat(CHROMIUM).catch(() => undefined))) {
    throw new Error(`${CHROMIUM} is missing: install Debian's chromium package (.ci/run does)`);
  }
  const profile = await Deno.makeTempDir({ prefix: "jmo-chromium-" });
  const child = new Deno.Command(CHROMIUM, {
    args: [...FLAGS, `--user-data-dir=${profile}`, "about:blank"],
    stdin: "null",
    stdout: "null",
    stderr: "piped",
  }).spawn();
  const socket = new WebSocket(await devtoolsUrl(child.stderr));
  await new Promise((resolve, reject) => {
    socket.onopen = resolve;
    socket.onerror = reject;
  });
  let next = 0;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  const listeners: ((m: Message) => void)[] = [];
  socket.onmessage = (event) => {
    const message = JSON.parse(event.data) as Message;
    if (message.id !== undefined) {
      const waiter = pending.get(message.id);
      pending.delete(message.id);
      if (message.error) waiter?.reject(new Error(message.error.message));
      else waiter?.resolve(message.result);
    } else listeners.forEach((listen) => listen(message));
  };
  const send = <T>(method: string, params: unknown = {}, sessionId?: string): Promise<T> =>
    new Promise((resolve, reject) => {
      const id = ++next;
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      socket.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }));
    });
  const openTab = async () => {
    const { targetId } = await send<{ targetId: string }>("Target.createTarget", {
      url: "about:blank",
    });
    const { sessionId } = await send<{ sessionId: string }>("Target.attachToTarget", {
      targetId,
      flatten: true,
    });
    return sessionId;
  };
  const evaluateIn = async <T>(sessionId: string, expression: string): Promise<T> => {
    const answer = await send<{ result: { value: T }; exceptionDetails?: { text: string } }>(
      "Runtime.evaluate",
      { expression, returnByValue: true, awaitPromise: true },
      sessionId,
    );
    if (answer.exceptionDetails) throw new Error(`page threw: ${answer.exceptionDetails.text}`);
    return answer.result.value;
  };

  const session = await openTab();
  const requests: string[] = [];
  listeners.push((m) => {
    if (m.sessionId === session && m.method === "Network.requestWillBeSent") {
      requests.push((m.params as { request: { url: string } }).request.url);
    }
  });
  const loaded = new Promise<void>((resolve) =>
    listeners.push((m) =>
      m.sessionId === session && m.method === "Page.loadEventFired" && resolve()
    )
  );
  await send("Page.enable", {}, session);
  await send("Network.enable", {}, session);
  await send("Emulation.setDeviceMetricsOverride", {
    width,
    height: 800,
    deviceScaleFactor: 1,
    mobile: false,
  }, session);
  await send("Page.navigate", { url }, session);
  await loaded;
  let blank: string | undefined;
  return {
    requests,
    evaluate: (expression) => evaluateIn(session, expression),
    async evaluateBlank(expression) {
      blank ??= await openTab();
      return evaluateIn(blank, expression);
    },
    async screenshot() {
      const { cssContentSize } = await send<{ cssContentSize: { width: number; height: number } }>(
        "Page.getLayoutMetrics",
        {},
        session,
      );
      const { data } = await send<{ data: string }>("Page.captureScreenshot", {
        format: "png",
        captureBeyondViewport: true,
        clip: { x: 0, y: 0, width, height: Math.ceil(cssContentSize.height), scale: 1 },
      }, session);
      return Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
    },
    async [Symbol.asyncDispose]() {
      const closed = new Promise((resolve) => (socket.onclose = resolve));
      socket.send(JSON.stringify({ id: ++next, method: "Browser.close" }));
      await child.status;
      await closed;
      await Deno.remove(profile, { recursive: true });
    },
  };
}
