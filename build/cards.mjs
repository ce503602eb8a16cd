// The share cards' pictures and the embeds' stills: the build
// (build/cards.go) writes a job file, a card each: its SVG with
// <!--chart--> where a chart goes, the chart's ECharts option and box,
// and the PNG to write; or, for a still, the chart alone as SVG, in the
// font the job names. ECharts draws the chart
// as SVG without a browser (server-side rendering) and resvg turns the
// card into a PNG with the font of the npm package @expo-google-fonts/
// noto-sans-sc (Noto Sans SC: Chinese and Latin), never the machine's
// fonts, so the same job gives the same bytes anywhere.
//
// node build/cards.mjs <root> <jobs.json> <out dir>
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

const [root, jobsFile, outDir] = process.argv.slice(2);
const require = createRequire(join(root, "package.json"));
const echarts = require("echarts");
const { Resvg } = require("@resvg/resvg-js");
const fontDir = join(root, "node_modules", "@expo-google-fonts", "noto-sans-sc");
const fontFiles = [join(fontDir, "400Regular", "NotoSansSC_400Regular.ttf"), join(fontDir, "700Bold", "NotoSansSC_700Bold.ttf")];
const family = "Noto Sans SC";

// setFont names the card's font wherever the option sets text.
function setFont(o, font) {
  if (Array.isArray(o)) { o.forEach((x) => setFont(x, font)); return; }
  if (!o || typeof o !== "object") return;
  for (const k of Object.keys(o)) {
    if (k === "fontFamily") o[k] = font;
    else setFont(o[k], font);
  }
}

function chartSVG(option, w, h, font) {
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width: w, height: h });
  option.animation = false;
  option.backgroundColor = "transparent";
  option.textStyle = Object.assign({}, option.textStyle, { fontFamily: font });
  setFont(option, font);
  // Axis names start at their axis, as on the page, so a long one is not
  // cut off at the card's edge.
  [].concat(option.yAxis || []).forEach((y, i) => {
    if (y && y.name) y.nameTextStyle = Object.assign({}, y.nameTextStyle, { align: i === 0 ? "left" : "right" });
  });
  chart.setOption(option);
  // A legend that wraps in this width pushes the plot down, clear of it
  // and of the value axis's name above the plot.
  const legend = chart.getModel().getComponent("legend");
  const view = legend && legend.get("show") !== false && chart.getViewOfComponentModel(legend);
  if (view) {
    const box = view.group.getBoundingRect();
    const need = (parseFloat(legend.get("top")) || 0) + box.height + 30;
    const grids = [].concat(option.grid || {});
    if (grids.some((g) => (parseFloat(g.top) || 60) < need)) {
      grids.forEach((g) => { g.top = Math.max(parseFloat(g.top) || 60, need); });
      option.grid = grids;
      chart.setOption(option, true);
    }
  }
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}

const jobs = JSON.parse(readFileSync(jobsFile, "utf8"));
for (const job of jobs) {
  if (job.still) {
    writeFileSync(join(outDir, job.out), chartSVG(job.option, job.box[2], job.box[3], job.font));
    continue;
  }
  let svg = job.svg;
  if (job.option) {
    const [x, y, w, h] = job.box;
    svg = svg.replace("<!--chart-->", `<g transform="translate(${x},${y})">${chartSVG(job.option, w, h, family)}</g>`);
  }
  const png = new Resvg(svg, {
    fitTo: { mode: "width", value: job.width },
    font: { fontFiles, loadSystemFonts: false, defaultFontFamily: family, sansSerifFamily: family },
    shapeRendering: 2,
    textRendering: 1,
  }).render().asPng();
  writeFileSync(join(outDir, job.out), png);
}
