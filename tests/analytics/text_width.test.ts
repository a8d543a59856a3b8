import { deepEqual } from "node:assert/strict";
import { textWidth } from "../../src/analytics/mod.ts";
import { openInChromium } from "./headless_chromium.ts";

const FONT_SIZE = 13;
/** Every character a chart label or value text can hold: tool names, months, platforms, counts. */
const CHARACTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-%(),: ";

Deno.test("every character a chart draws is estimated at least as wide as Chromium draws it in the system sans-serif fonts", async () => {
  await using page = await openInChromium("about:blank", 800);
  for (const family of ["system-ui", "sans-serif"]) {
    const drawn = await page.evaluate<number[]>(`(() => {
      const context = document.createElement("canvas").getContext("2d");
      context.font = "${FONT_SIZE}px ${family}";
      return [...${JSON.stringify(CHARACTERS)}].map((c) => context.measureText(c).width);
    })()`);
    const tooNarrow = [...CHARACTERS].map((c, i) => ({
      c,
      estimate: textWidth(c, FONT_SIZE),
      drawn: drawn[i],
    }))
      .filter((w) => w.estimate < w.drawn).map((w) => `${w.c}: ${w.estimate} < ${w.drawn}`);
    deepEqual(tooNarrow, [], family);
  }
});

Deno.test("a text's width is the sum of its characters' widths, scaled by the font size", () => {
  deepEqual(
    [textWidth("", 13), textWidth("mil", 10), textWidth("mil", 20)].map((w) => Math.round(w)),
    [0, 18, 37],
  );
});
