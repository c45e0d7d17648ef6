// Open an HTML file in Debian's chromium at each given width and report, as JSON:
// axe-core's WCAG 2.1 A/AA violations, the left edges of the sections' headings and text,
// the page's scroll width, the widest table's right edge, any text broken mid-token in
// .nowrap spans, the smallest chart label, and the page's innerText.
// Usage: node tools/axe_check.mjs FILE.html WIDTH [WIDTH ...]
//    or: node tools/axe_check.mjs --serve
// With --serve the browser starts once and serves one request per line of stdin, one
// JSON line back per request: {"file": F, "widths": [W, ...]} checks F as above;
// {"file": F, "pdf": OUT} prints F to OUT as the browser prints it (the page size and
// margins its CSS asks for, no header or footer).  The tests keep one server per run.
import { createRequire } from "node:module";
import readline from "node:readline";
import { pathToFileURL } from "node:url";
import path from "node:path";
import fs from "node:fs";

const here = path.dirname(new URL(import.meta.url).pathname);
const require = createRequire(path.join(here, "..", ".axe-tools", "package.json"));
const puppeteer = require("puppeteer-core");
const axeSource = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

const executablePath = process.env.CHROMIUM || "/usr/bin/chromium";
const browser = await puppeteer.launch({
  executablePath, headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
});

async function check(file, widths) {
  const results = [];
  for (const width of widths.map(Number)) {
    const page = await browser.newPage();
    await page.setViewport({ width, height: 900 });
    await page.goto(pathToFileURL(path.resolve(file)).href, { waitUntil: "load" });
    await page.addScriptTag({ content: axeSource });
    const axe = await page.evaluate(async () => {
      const r = await window.axe.run(document, {
        runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
      });
      return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
        nodes: v.nodes.slice(0, 5).map((n) => n.target.join(" ")) }));
    });
    const layout = await page.evaluate(() => {
      const visible = (el) => el.getClientRects().length > 0;
      const tables = [...document.querySelectorAll("table")].filter(visible);
      const rights = tables.map((t) => t.getBoundingClientRect().right);
      const widest = tables.reduce((a, t) => (!a || t.getBoundingClientRect().right >
        a.getBoundingClientRect().right ? t : a), null);
      const cells = [...document.querySelectorAll("tbody td, tbody th")].filter(visible)
        .map((c) => c.getBoundingClientRect().right);
      const plan = [...document.querySelectorAll(".wide table")].filter(visible)
        .map((t) => t.getBoundingClientRect().right);
      const broken = [...document.querySelectorAll(".nowrap")].filter(visible)
        .filter((s) => s.getClientRects().length > 1).map((s) => s.textContent);
      const labels = [...document.querySelectorAll("svg text")].filter(visible)
        .map((t) => t.getBoundingClientRect().height);
      const fonts = [...document.querySelectorAll("svg text")].filter(visible).map((t) => {
        const svg = t.ownerSVGElement;
        const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
        return parseFloat(t.getAttribute("font-size")) * scale;
      });
      // where each heading, paragraph and list of the page's sections starts: one text column
      const lefts = [...document.querySelectorAll(
        "main > .section > :is(h1, h2, h3, h4, p, ul, ol)")].filter(visible)
        .map((e) => Math.round(e.getBoundingClientRect().left));
      return {
        textLefts: [...new Set(lefts)].sort((a, b) => a - b),
        scrollWidth: document.documentElement.scrollWidth,
        tableRight: Math.max(0, ...rights), cellRight: Math.max(0, ...cells),
        widestTable: widest ? widest.caption?.textContent ?? "" : "",
        planRight: Math.max(0, ...plan),
        broken, smallestLabel: fonts.length ? Math.min(...fonts) : null,
        labels: labels.length,
        text: document.body.innerText,  // what a browser gives a reader who copies the page
        tables: tables.map((t) => ({ caption: t.caption?.textContent ?? "",
          display: getComputedStyle(t).display, rows: t.rows.length,
          width: t.getBoundingClientRect().width, height: t.getBoundingClientRect().height })),
      };
    });
    results.push({ width, axe, ...layout });
    await page.close();
  }
  return results;
}

async function print(file, pdf) {
  const page = await browser.newPage();
  try {
    await page.goto(pathToFileURL(path.resolve(file)).href, { waitUntil: "load" });
    await page.pdf({ path: pdf, preferCSSPageSize: true, displayHeaderFooter: false });
  } finally {
    await page.close();
  }
  return { pdf };
}

try {
  if (process.argv[2] === "--serve") {
    for await (const line of readline.createInterface({ input: process.stdin })) {
      if (!line.trim()) continue;
      let reply;
      try {
        const job = JSON.parse(line);
        reply = job.pdf ? await print(job.file, job.pdf) : await check(job.file, job.widths);
      } catch (error) {
        reply = { error: String(error) };
      }
      process.stdout.write(JSON.stringify(reply) + "\n");
    }
  } else {
    const [file, ...widths] = process.argv.slice(2);
    console.log(JSON.stringify(await check(file, widths)));
  }
} finally {
  await browser.close();
}
