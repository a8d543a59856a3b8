import { deepEqual, equal, ok } from "node:assert/strict";
import { Buffer } from "node:buffer";
import { join } from "node:path";
import {
  buildQuarterReport,
  collectEvents,
  parseQuarter,
  renderReportHtml,
} from "../../src/analytics/mod.ts";
import { largeQuarterLines, LONG_TOOL } from "../fixtures/analytics/large_quarter.ts";
import { type ChromiumPage, openInChromium } from "./headless_chromium.ts";

const WIDTH = 900;

function q1Html(lines: string[]): string {
  const collection = collectEvents([{ origin: "dataset", text: lines.join("\n") }]);
  return renderReportHtml(buildQuarterReport(collection, parseQuarter("2026-Q1")!));
}

/**
 * Opens the page in headless Chromium from a temporary folder, which is
 * removed when the test is done.
 */
async function withReportPage(
  html: string,
  test: (page: ChromiumPage, file: string, dir: string) => Promise<void>,
): Promise<void> {
  const dir = await Deno.makeTempDir({ prefix: "jmo-report-html-" });
  try {
    const file = join(dir, "report-2026-Q1.html");
    await Deno.writeTextFile(file, html);
    await using page = await openInChromium(`file://${file}`, WIDTH);
    await test(page, file, dir);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

/** Every chart text as drawn, and whether it lies inside its chart's viewBox. */
const MEASURE_TEXTS = `[...document.querySelectorAll("svg.chart")].flatMap((svg) => {
  const view = svg.viewBox.baseVal;
  return [...svg.querySelectorAll("text")].map((text) => {
    const box = text.getBBox();
    return { text: text.textContent, inside: box.x >= view.x && box.y >= view.y &&
      box.x + box.width <= view.x + view.width && box.y + box.height <= view.y + view.height,
      box: [box.x, box.y, box.width, box.height].map(Math.round).join(" "),
      view: [view.width, view.height].join(" ") };
  });
})`;

interface DrawnText {
  text: string;
  inside: boolean;
  box: string;
  view: string;
}

async function textsOutsideTheirChart(page: ChromiumPage): Promise<string[]> {
  const texts = await page.evaluate<DrawnText[]>(MEASURE_TEXTS);
  ok(texts.length > 0, "the charts have texts");
  return texts.filter((t) => !t.inside).map((t) => `${t.text} (${t.box} in ${t.view})`);
}

interface ChartMarks {
  caption: string;
  marks: number;
  drawn: { label: string; width: number; height: number; right: number }[];
}

const MEASURE_CHARTS = `[...document.querySelectorAll("figure")].map((figure) => ({
  caption: figure.querySelector("figcaption").textContent,
  marks: figure.querySelectorAll("svg.chart rect.mark").length,
  drawn: [...figure.querySelectorAll("svg.chart rect.mark")].map((rect) => {
    const box = rect.getBoundingClientRect();
    return { label: rect.querySelector("title").textContent.split(":")[0], width: box.width,
      height: box.height, right: box.right };
  }).filter((m) => m.width > 0 && m.height > 0),
}))`;

function countPixels(png: Uint8Array): string {
  const data = Buffer.from(png).toString("base64");
  return `(async () => {
    const image = new Image();
    image.src = "data:image/png;base64,${data}";
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext("2d");
    context.drawImage(image, 0, 0);
    const pixels = context.getImageData(0, 0, image.width, image.height).data;
    let ink = 0, bar = 0;
    for (let i = 0; i < pixels.length; i += 4) {
      const [r, g, b] = [pixels[i], pixels[i + 1], pixels[i + 2]];
      if (r < 240 || g < 240 || b < 240) ink += 1;
      if (Math.abs(r - 0x2f) < 12 && Math.abs(g - 0x81) < 12 && Math.abs(b - 0xf7) < 12) bar += 1;
    }
    return { width: image.width, height: image.height, ink, bar };
  })()`;
}

Deno.test("the HTML report opens in headless Chromium, loads nothing else, and every chart draws its marks to scale", async () => {
  await withReportPage(q1Html(largeQuarterLines()), async (page, file, dir) => {
    equal(
      await page.evaluate<string>("document.title"),
      "JMo Security Telemetry Transparency Report — Q1 2026",
    );
    deepEqual(page.requests, [`file://${file}`], "the page requests nothing but itself");
    equal(await page.evaluate<number>("document.scripts.length"), 0);

    const charts = await page.evaluate<ChartMarks[]>(MEASURE_CHARTS);
    deepEqual(charts.map((c) => [c.caption, c.marks, c.drawn.map((d) => d.label)]), [
      ["Platforms (installs)", 3, ["Linux", "macOS", "Windows"]],
      ["Profiles (scans)", 3, ["Balanced", "Fast", "Deep"]],
      ["Execution modes (scans)", 3, ["CLI", "Docker", "Wizard"]],
      ["Tool failure rate (failures / scans that ran the tool)", 2, [LONG_TOOL, "trivy"]],
      ["Scans per month", 3, ["January", "February", "March"]],
    ]);
    for (const chart of charts) {
      for (const mark of chart.drawn) {
        ok(mark.right <= WIDTH, `${chart.caption}: ${mark.label} fits`);
      }
    }
    const widths = (caption: string) =>
      charts.find((c) => c.caption === caption)!.drawn.map((d) => d.width);
    const [linux, macos, windows] = widths("Platforms (installs)");
    equal(
      Math.round(linux / macos * 100) / 100,
      2,
      "720 Linux installs against 360 macOS, as published",
    );
    equal(Math.round(linux / windows * 100) / 100, 6, "against 120 Windows");
    const [january, february] = widths("Scans per month");
    equal(
      Math.round(january / february * 100) / 100,
      1.11,
      "4,140 scans against 3,740, as published",
    );

    const png = await page.screenshot();
    const shot = join(dir, "report-2026-Q1.png");
    await Deno.writeFile(shot, png);
    console.log(`screenshot of the HTML report: ${shot}`);
    const pixels = await page.evaluateBlank<
      { width: number; height: number; ink: number; bar: number }
    >(
      countPixels(png),
    );
    equal(pixels.width, WIDTH);
    ok(
      pixels.ink > pixels.width * pixels.height * 0.02,
      `the screenshot is not blank (${pixels.ink} inked pixels)`,
    );
    const drawnArea = charts.flatMap((c) => c.drawn).reduce(
      (sum, d) => sum + d.width * d.height,
      0,
    );
    ok(
      pixels.bar > drawnArea * 0.9,
      `the bars are painted (${pixels.bar} bar pixels of ${Math.round(drawnArea)} measured)`,
    );
    deepEqual(await textsOutsideTheirChart(page), [], "no label or value text is cut off");
  });
});

Deno.test("a 40-character tool name and counts in the thousands fit inside their charts, and the charts inside the page", async () => {
  await withReportPage(q1Html(largeQuarterLines()), async (page) => {
    const texts = await page.evaluate<DrawnText[]>(MEASURE_TEXTS);
    ok(texts.some((t) => t.text === LONG_TOOL), "the long tool name is drawn whole");
    ok(texts.some((t) => t.text === "14.3% (1,720 of 12,000)"), "the long value text is drawn");
    deepEqual(await textsOutsideTheirChart(page), [], "no label or value text is cut off");
    const rightmost = await page.evaluate<number>(
      `Math.max(...[...document.querySelectorAll("svg.chart")].map((svg) => svg.getBoundingClientRect().right))`,
    );
    ok(rightmost <= WIDTH, `every chart fits the page (right edge at ${rightmost})`);
  });
});
