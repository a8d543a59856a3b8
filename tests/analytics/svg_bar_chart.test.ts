import { deepEqual, equal, ok } from "node:assert/strict";
import { CHART, svgBarChart, textWidth } from "../../src/analytics/mod.ts";
import { LONG_TOOL } from "../fixtures/analytics/large_quarter.ts";

interface Drawn {
  viewWidth: number;
  labels: { x: number; text: string }[];
  marks: { x: number; width: number }[];
  texts: { x: number; text: string }[];
}

function parseChart(svg: string): Drawn {
  const all = (pattern: RegExp) => [...svg.matchAll(pattern)];
  return {
    viewWidth: Number(/viewBox="0 0 ([\d.]+) /.exec(svg)![1]),
    labels: all(/<text x="([\d.]+)" y="[\d.]+" text-anchor="end">([^<]*)<\/text>/g)
      .map((m) => ({ x: Number(m[1]), text: m[2] })),
    marks: all(/<rect class="mark" x="([\d.]+)" y="[\d.]+" width="([\d.]+)"/g)
      .map((m) => ({ x: Number(m[1]), width: Number(m[2]) })),
    texts: all(/<text x="([\d.]+)" y="[\d.]+">([^<]*)<\/text>/g)
      .map((m) => ({ x: Number(m[1]), text: m[2] })),
  };
}

const width = (text: string) => textWidth(text, CHART.fontSize);

Deno.test("a 40-character label gets a label column as wide as it, and the longest bar leaves room for the longest value text", () => {
  const chart = parseChart(svgBarChart("Tool failure rate", [
    { label: LONG_TOOL, value: 0.143, text: "14.3% (1,715 of 12,000)" },
    { label: "trivy", value: 0.01, text: "1% (120 of 12,000)" },
  ]));
  deepEqual(chart.labels.map((l) => l.text), [LONG_TOOL, "trivy"], "labels are never shortened");
  for (const label of chart.labels) {
    ok(label.x - width(label.text) >= CHART.gap, `${label.text} starts inside the chart`);
  }
  for (const text of chart.texts) {
    ok(text.x + width(text.text) <= chart.viewWidth - CHART.gap, `${text.text} ends inside`);
  }
  equal(chart.marks[0].width, CHART.minBarWidth, "long texts leave the bars their minimum");
  ok(chart.viewWidth > CHART.width, "the chart grows wider rather than cut a text");
});

Deno.test("short labels and texts keep a chart at its usual width, the bars taking the room left", () => {
  const chart = parseChart(svgBarChart("Platforms", [
    { label: "Linux", value: 3, text: "75% (3)" },
    { label: "macOS", value: 1, text: "25% (1)" },
  ]));
  equal(chart.viewWidth, CHART.width);
  const [linux, macos] = chart.marks;
  ok(Math.abs(linux.width - 3 * macos.width) < 0.02, "bars keep to scale");
  equal(chart.texts[0].x, linux.x + linux.width + CHART.gap, "a value text follows its bar");
  ok(linux.x + linux.width + CHART.gap + width("75% (3)") <= CHART.width - CHART.gap);
});
