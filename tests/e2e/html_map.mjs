// Browser checks of the HTML map (run by html_map.sh):
//   node html_map.mjs CHROMIUM SAMPLES.html BIG.html BUILD_DIR
// playwright-core comes from BUILD_DIR/web/node_modules (web/package.json devDependencies) and
// drives Debian's chromium; `npx playwright install` is never needed.
import { createRequire } from "node:module";
import path from "node:path";

const [chromiumPath, samplesHtml, bigHtml, buildDir] = process.argv.slice(2);
const require = createRequire(path.join(buildDir, "web", "package.json"));
const { chromium } = require("playwright-core");

const failures = [];
function check(ok, what) {
  if (!ok) failures.push(what);
  console.log(`${ok ? "ok  " : "FAIL"} ${what}`);
}
const ms = (t) => `${Math.round(t)} ms`;

const browser = await chromium.launch({
  executablePath: chromiumPath,
  // Playwright gives every launch a fresh temporary profile (--user-data-dir). The network
  // flags keep chromium from calling home, which a closed network refuses.
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
  timeout: 30000,
});

async function open(file) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors = [];
  const outside = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("request", (r) => {
    const u = r.url();
    if (!/^(file|data|blob|about):/.test(u)) outside.push(u);
  });
  const t0 = Date.now();
  await page.goto("file://" + file);
  await page.waitForFunction(() => document.body.dataset.ready === "true", null, { timeout: 120000 });
  return { page, errors, outside, loadMs: Date.now() - t0 };
}

// Clicks at viewport coordinates inside #graph.
async function clickGraph(page, p) {
  const box = await page.locator("#graph").boundingBox();
  await page.mouse.click(box.x + p.x, box.y + p.y);
}

// ---------- the samples map ----------
{
  const { page, errors, outside, loadMs } = await open(samplesHtml);
  console.log(`samples map ready in ${ms(loadMs)}`);
  await page.waitForTimeout(300);

  const people = ["Xi Jinping", "Vo Van Thuong", "Vuong Dinh Hue", "Wang Yi", "Zhao Leji", "Tran Luu Quang",
                  "Nguyen Phu Trong", "Bui Thanh Son", "Le Hoai Trung", "Song Qingrun"];
  const drawn = await page.evaluate(() => window.newsgraphMap.displayedLabels());
  const size = await page.locator("#graph").boundingBox();
  for (const who of people) {
    const pos = await page.evaluate((l) => window.newsgraphMap.nodePosition(window.newsgraphMap.nodeKey(l)), who);
    check(drawn.includes(who) && pos.x > 0 && pos.y > 0 && pos.x < size.width && pos.y < size.height,
          `${who} is drawn with its label inside the map`);
  }
  await page.screenshot({ path: path.join(buildDir, "html_map_samples.png") });

  // A click on a drawn node selects it: the node is where the map says it is.
  const zhao = await page.evaluate(() => window.newsgraphMap.nodePosition(window.newsgraphMap.nodeKey("Zhao Leji")));
  await clickGraph(page, zhao);
  check((await page.locator("#info h2").innerText()) === "Zhao Leji", "a click on Zhao Leji's node shows Zhao Leji");

  // Search by a short form, as a user types it.
  await page.locator("#search").click();
  await page.keyboard.type("Xi");
  await page.waitForSelector("#results li");
  check((await page.locator("#results li").first().innerText()).startsWith("Xi Jinping"),
        "search 'Xi' lists Xi Jinping first");
  await page.keyboard.press("Enter");
  check((await page.locator("#info h2").innerText()) === "Xi Jinping", "Enter selects Xi Jinping");
  const highlighted = await page.evaluate(() => window.newsgraphMap.highlighted());
  check(highlighted.includes("Vo Van Thuong"), "Vo Van Thuong is highlighted as Xi's neighbour");
  check(!highlighted.includes("Wang Yi"), "Wang Yi (no edge to Xi) is not highlighted");
  check((await page.locator("#neighbours li", { hasText: "Vo Van Thuong" }).count()) === 1,
        "the panel lists Vo Van Thuong among Xi's connections");
  // What sigma draws: neighbours keep their colour, the rest is dimmed.
  const colours = await page.evaluate(() => {
    const m = window.newsgraphMap;
    const c = (l) => m.renderer.getNodeDisplayData(m.nodeKey(l)).color;
    return { vo: c("Vo Van Thuong"), wang: c("Wang Yi"), dim: "#e4e4e4" };
  });
  check(colours.vo !== colours.dim && colours.wang === colours.dim, "Vo Van Thuong drawn in colour, Wang Yi dimmed");

  // Click on the Xi Jinping -- Vo Van Thuong edge itself, somewhere along it away from nodes.
  const edge = await page.evaluate(() => {
    const m = window.newsgraphMap;
    return m.graph.edges(m.nodeKey("Xi Jinping"), m.nodeKey("Vo Van Thuong")).find(
      (e) => m.graph.getEdgeAttribute(e, "category") === "meeting");
  });
  let evidence = "";
  for (const t of [0.5, 0.4, 0.6, 0.3, 0.7]) {
    const p = await page.evaluate(([e, t]) => window.newsgraphMap.edgePoint(e, t), [edge, t]);
    await clickGraph(page, p);
    await page.waitForTimeout(100);
    if ((await page.locator(`#info h2[data-edge="${edge}"]`).count()) === 1) {
      evidence = await page.locator("#evidence").innerText();
      break;
    }
  }
  check(evidence !== "", "a click on the Xi -- Vo Van Thuong edge shows its evidence");
  check(/seed000/.test(evidence) && /Vo Van Thuong|Thuong/.test(evidence),
        `the evidence names its document and sentence: ${JSON.stringify(evidence.slice(0, 160))}`);
  await page.screenshot({ path: path.join(buildDir, "html_map_samples_evidence.png") });

  // Filters: categories and dates (the samples are undated).
  const stats = () => page.locator("#stats").innerText();
  const all = await stats();
  await page.locator('#categories label[data-category="office"] input').uncheck();
  const noOffice = await stats();
  check(/, 6 of 17 relations shown/.test(noOffice), `unticking office leaves 6 relations: ${noOffice}`);
  check(await page.evaluate(() => window.newsgraphMap.renderer.getEdgeDisplayData(
    window.newsgraphMap.graph.edges().find((e) => window.newsgraphMap.graph.getEdgeAttribute(e, "category") === "office")).hidden),
    "an office edge is hidden");
  await page.locator('#categories label[data-category="office"] input').check();
  check((await stats()) === all, "ticking office again restores every relation");
  await page.locator("#undated").uncheck();
  check(/, 0 of 17 relations/.test(await stats()), "unticking 'undated' hides the undated sample relations");
  await page.locator("#undated").check();

  check(errors.length === 0, `no script errors (${errors.join("; ")})`);
  check(outside.length === 0, `no network requests (${outside.slice(0, 3).join(", ")})`);
  await page.close();
}

// ---------- 10,000 nodes, 50,000 edges ----------
{
  const { page, errors, outside, loadMs } = await open(bigHtml);
  const info = await page.evaluate(() => ({
    nodes: window.newsgraphMap.graph.order,
    edges: window.newsgraphMap.graph.size,
    running: window.newsgraphMap.layoutState.running,
    scriptMs: window.newsgraphMap.loadMs,
  }));
  console.log(`big map ready in ${ms(loadMs)} (script ${ms(info.scriptMs)}): ${info.nodes} nodes, ${info.edges} edges`);
  check(info.nodes === 10000 && info.edges === 50000, "all 10,000 nodes and 50,000 edges are loaded");
  // Times are printed, not judged: a test on a loaded or sanitizer-built machine must not fail
  // on speed (bench/ measures speed). The limits below only catch a page that hangs.
  check(loadMs < 120000, `the page is ready (${ms(loadMs)})`);
  check(info.running, "the layout runs (in a web worker) after load");

  // While the layout runs: frames keep coming and a search answers quickly.
  const frames = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const gaps = [];
        let last = performance.now();
        const end = last + 3000;
        const tick = (t) => {
          gaps.push(t - last);
          last = t;
          if (t < end) requestAnimationFrame(tick);
          else resolve({ frames: gaps.length, maxGap: Math.max(...gaps) });
        };
        requestAnimationFrame(tick);
      }),
  );
  console.log(`during layout: ${frames.frames} frames in 3 s, longest gap ${ms(frames.maxGap)}`);
  check(frames.frames >= 2, `the page keeps drawing while the layout runs (${frames.frames} frames)`);

  const t0 = Date.now();
  await page.locator("#search").click();
  await page.keyboard.type("Person 04242");
  await page.waitForFunction(() => document.querySelector("#results li")?.innerText.startsWith("Person 04242"),
                             null, { timeout: 60000 });
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.querySelector("#info h2")?.innerText === "Person 04242 Q", null,
                             { timeout: 60000 });
  const searchMs = Date.now() - t0;
  check(searchMs < 60000, `search and selection answer while the layout runs (${ms(searchMs)})`);
  check((await page.evaluate(() => window.newsgraphMap.highlighted().length)) > 1, "the found node's neighbours are highlighted");

  const t1 = Date.now();
  await page.locator("#from").fill("2024-01-01");
  await page.locator("#from").dispatchEvent("change");
  const filtered = await page.locator("#stats").innerText();
  console.log(`date filter: ${ms(Date.now() - t1)}: ${filtered}`);
  const shown = Number(filtered.match(/([\d,]+) of 50,000 relations/)[1].replace(/,/g, ""));
  check(shown > 0 && shown < 50000, "the date filter keeps only relations from 2024 on");
  check(errors.length === 0, `no script errors (${errors.join("; ")})`);
  check(outside.length === 0, "no network requests");
  await page.screenshot({ path: path.join(buildDir, "html_map_big.png") });
  await page.close();
}

await browser.close();
if (failures.length) {
  console.error(`${failures.length} browser check(s) failed`);
  process.exit(1);
}
