// newsgraph's HTML map: the viewer code inlined into every `newsgraph export --format html`
// file, bundled at build time with sigma.js (WebGL rendering) and graphology (the graph model,
// ForceAtlas2 layout). See web/CMakeLists.txt for how it is built and export/html.cpp for the
// page it runs in.
//
// The page carries the graph as JSON in <script id="newsgraph-data"> (format: export/html.cpp):
//   {"version":1, "nodes":[[key,label,type,[aliases],degree,weighted_degree,component,betweenness],...],
//    "edges":[[source,target,relation,category,weight,first_date,last_date,title,org,former,
//              [[doc,date,text,place],...]],...]}
// where source/target are node indices and dates are "" when unknown.
//
// Large graphs (10,000 nodes, 50,000 edges) stay responsive: the layout runs in a web worker
// (graphology-layout-forceatlas2/worker) for a bounded time, searching uses a prebuilt index,
// and filters only flip visibility flags read by sigma's reducers.
//
// window.newsgraphMap exposes the state for scripting and for the browser test
// (tests/e2e/html_map.mjs): select(key), search(text), selectEdge(key), highlighted(), ...
import Graph from "graphology";
import forceAtlas2 from "graphology-layout-forceatlas2";
import FA2Layout from "graphology-layout-forceatlas2/worker";
import Sigma from "sigma";

const CATEGORY_COLOURS = {
  meeting: "#1f77b4",
  call: "#2ca02c",
  office: "#d62728",
  membership: "#9467bd",
  affiliation: "#8c564b",
  visit: "#ff7f0e",
};
const OTHER_COLOUR = "#7f7f7f";
const TYPE_COLOURS = { person: "#e6550d", organisation: "#3182bd", office: "#8c8c8c" };
const DIM_NODE = "#e4e4e4";
const DIM_EDGE = "#f0f0f0";
const MAX_RESULTS = 20;

// Layout budgets. Up to SYNC_WORK (nodes^2 * iterations, no Barnes-Hut) the layout runs before
// the first frame; above it a worker runs it for at most WORKER_MS, so the page never freezes.
const SYNC_WORK = 4e7;
const WORKER_MS_SMALL = 4000;
const WORKER_MS_LARGE = 20000;
// Large maps: how often the drawing follows the layout. A redraw of 10,000 nodes costs ~1 s with
// software WebGL (no GPU), so the page then stays responsive between redraws.
const SYNC_MS = 5000;

const $ = (id) => document.getElementById(id);

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") e.className = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v);
  }
  for (const c of children) if (c != null) e.append(c);
  return e;
}

// Case and diacritics folded, punctuation to spaces: "Vương Đình Huệ" -> "vuong dinh hue".
function fold(s) {
  return s
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/đ/gi, "d")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

function categoryColour(c) {
  return CATEGORY_COLOURS[c] || OTHER_COLOUR;
}

function load() {
  const data = JSON.parse($("newsgraph-data").textContent);
  const graph = new Graph({ multi: true, type: "undirected", allowSelfLoops: false });
  const n = data.nodes.length;
  const maxDegree = data.nodes.reduce((m, v) => Math.max(m, v[4]), 1);
  // Node size by degree: area grows with degree, within [minSize, maxSize] pixels.
  const minSize = n > 2000 ? 2 : 5;
  const maxSize = n > 2000 ? 14 : 18;
  // Deterministic start: a golden-angle spiral, hubs near the middle.
  const order = data.nodes.map((_, i) => i).sort((a, b) => data.nodes[b][4] - data.nodes[a][4] || a - b);
  const rank = new Array(n);
  order.forEach((v, r) => (rank[v] = r));
  const keys = [];
  data.nodes.forEach((v, i) => {
    const [key, label, type, aliases, degree, wdegree, component, betweenness] = v;
    const r = Math.sqrt(rank[i] + 0.5) * 10;
    const a = rank[i] * 2.399963;
    keys.push(key);
    graph.addNode(key, {
      x: r * Math.cos(a),
      y: r * Math.sin(a),
      size: minSize + (maxSize - minSize) * Math.sqrt(degree / maxDegree),
      color: TYPE_COLOURS[type] || OTHER_COLOUR,
      label,
      type: "circle",
      ngType: type,
      aliases,
      degree,
      wdegree,
      component,
      betweenness,
    });
  });
  const categories = new Map();
  let minDate = "",
    maxDate = "";
  data.edges.forEach((e, i) => {
    const [s, t, relation, category, weight, first, last, title, org, former, evidence] = e;
    if (s === t) return;
    categories.set(category, (categories.get(category) || 0) + 1);
    if (first && (!minDate || first < minDate)) minDate = first;
    if (last && (!maxDate || last > maxDate)) maxDate = last;
    graph.addEdgeWithKey("e" + i, keys[s], keys[t], {
      size: Math.min(1 + Math.log2(weight), 6) * (n > 2000 ? 0.5 : 2),
      color: categoryColour(category),
      relation,
      category,
      weight,
      first,
      last,
      title,
      org,
      former,
      evidence,
      subject: keys[s],
      object: keys[t],
    });
  });
  return { graph, categories, minDate, maxDate };
}

function main() {
  const t0 = performance.now();
  const { graph, categories, minDate, maxDate } = load();
  const big = graph.order > 2000;
  const allLabels = graph.order <= 60; // small maps label every node

  // ---- search index: every spelling of every node, folded ----
  const index = [];
  graph.forEachNode((key, a) => {
    for (const name of [a.label, ...a.aliases]) index.push([fold(name), key]);
  });

  // ---- state read by the reducers ----
  const state = {
    selected: null, // node key
    neighbours: new Set(),
    selectedEdge: null, // edge key
    hoveredNode: null,
    categories: new Set(categories.keys()),
    from: "",
    to: "",
    undated: true,
  };
  const layoutState = { running: false, iterations: 0 };
  const edgeVisible = new Map();
  const nodeVisible = new Map();
  const filtersActive = () =>
    state.categories.size !== categories.size || state.from !== "" || state.to !== "" || !state.undated;

  function applyFilters() {
    const visibleDegree = new Map();
    graph.forEachEdge((e, a, s, t) => {
      let ok = state.categories.has(a.category);
      if (ok && !a.first) ok = state.undated;
      else if (ok) ok = (!state.from || a.last >= state.from) && (!state.to || a.first <= state.to);
      edgeVisible.set(e, ok);
      if (ok) {
        visibleDegree.set(s, (visibleDegree.get(s) || 0) + 1);
        visibleDegree.set(t, (visibleDegree.get(t) || 0) + 1);
      }
    });
    const active = filtersActive();
    let nodes = 0,
      edges = 0;
    graph.forEachNode((v, a) => {
      const ok = !active || a.degree === 0 || visibleDegree.has(v);
      nodeVisible.set(v, ok);
      if (ok) ++nodes;
    });
    edgeVisible.forEach((ok) => ok && ++edges);
    $("stats").textContent = `${nodes.toLocaleString("en")} of ${graph.order.toLocaleString("en")} entities, ${edges.toLocaleString("en")} of ${graph.size.toLocaleString("en")} relations shown`;
    if (renderer) renderer.refresh({ skipIndexation: false });
  }

  // ---- rendering ----
  const container = $("graph");
  let renderer = null;
  try {
    renderer = new Sigma(graph, container, {
      enableEdgeEvents: true,
      zIndex: true,
      renderEdgeLabels: false,
      labelRenderedSizeThreshold: big ? 8 : 0,
      labelDensity: big ? 0.07 : 1,
      labelGridCellSize: big ? 100 : 60,
      labelFont: "system-ui, sans-serif",
      labelSize: 13,
      hideEdgesOnMove: big,
      minCameraRatio: 0.02,
      maxCameraRatio: 20,
      nodeReducer(node, a) {
        const r = { ...a };
        if (!nodeVisible.get(node)) {
          r.hidden = true;
          return r;
        }
        if (state.selected) {
          if (node === state.selected || state.neighbours.has(node)) {
            r.highlighted = node === state.selected;
            r.forceLabel = true;
            r.zIndex = 2;
          } else {
            r.color = DIM_NODE;
            r.label = "";
            r.zIndex = 0;
          }
        }
        if (state.selectedEdge && graph.hasExtremity(state.selectedEdge, node)) {
          r.forceLabel = true;
          r.highlighted = true;
          r.zIndex = 2;
        }
        if (node === state.hoveredNode || (allLabels && !state.selected && !state.selectedEdge)) r.forceLabel = true;
        return r;
      },
      edgeReducer(edge, a) {
        const r = { ...a };
        if (!edgeVisible.get(edge) || (big && layoutState.running)) {
          r.hidden = true;
          return r;
        }
        if (edge === state.selectedEdge) {
          r.size = Math.max(a.size * 2, 4);
          r.zIndex = 3;
          r.color = "#111";
        } else if (state.selected) {
          if (graph.hasExtremity(edge, state.selected)) {
            r.size = Math.max(a.size * 1.5, 2);
            r.zIndex = 2;
          } else {
            r.color = DIM_EDGE;
            r.zIndex = 0;
          }
        }
        return r;
      },
    });
  } catch (err) {
    $("graph").append(
      el("div", { class: "error" }, "This browser could not start WebGL, which the map needs: " + err.message),
    );
  }

  // ---- side panel ----
  const info = $("info");

  function nameButton(key) {
    const a = graph.getNodeAttributes(key);
    return el("button", { class: "link", "data-node": key, onclick: () => select(key) }, a.label);
  }

  function showNode(key) {
    const a = graph.getNodeAttributes(key);
    info.replaceChildren();
    info.append(
      el("h2", { "data-node": key }, a.label),
      el(
        "p",
        { class: "meta" },
        `${a.ngType} · degree ${a.degree} · ${a.wdegree} mentions · betweenness ${a.betweenness.toFixed(3)}`,
      ),
    );
    if (a.aliases.length) info.append(el("p", { class: "meta" }, "Also written: " + a.aliases.join("; ")));
    const list = el("ul", { class: "neighbours", id: "neighbours" });
    const rows = [];
    graph.forEachEdge(key, (e, ea, s, t) => {
      if (!edgeVisible.get(e)) return;
      const other = s === key ? t : s;
      rows.push([graph.getNodeAttribute(other, "label"), e, ea, other]);
    });
    rows.sort((x, y) => x[0].localeCompare(y[0]));
    const shown = rows.slice(0, 300);
    for (const [, e, ea, other] of shown) {
      const li = el(
        "li",
        { "data-node": other, class: "highlighted" },
        el("span", { class: "swatch", style: `background:${categoryColour(ea.category)}` }),
        nameButton(other),
        " ",
        el("button", { class: "link relation", "data-edge": e, onclick: () => selectEdge(e) }, relationText(ea)),
      );
      list.append(li);
    }
    info.append(el("h3", {}, `Connections (${rows.length})`), list);
    if (rows.length > shown.length) info.append(el("p", { class: "meta" }, `… and ${rows.length - shown.length} more`));
  }

  function relationText(ea) {
    let s = ea.relation.replace(/_/g, " ");
    if (ea.category === "office" && ea.title) s = (ea.former ? "former " : "") + ea.title;
    if (ea.weight > 1) s += ` ×${ea.weight}`;
    return s;
  }

  function showEdge(e) {
    const a = graph.getEdgeAttributes(e);
    info.replaceChildren();
    const dates = a.first ? (a.first === a.last ? a.first : `${a.first} – ${a.last}`) : "undated";
    info.append(
      el("h2", { "data-edge": e }, nameButton(a.subject), " — ", nameButton(a.object)),
      el(
        "p",
        { class: "meta" },
        el("span", { class: "swatch", style: `background:${categoryColour(a.category)}` }),
        `${relationText(a)} · ${a.category} · ${a.weight} mention${a.weight === 1 ? "" : "s"} · ${dates}`,
      ),
    );
    const list = el("ol", { class: "evidence", id: "evidence" });
    for (const [doc, date, text, place] of a.evidence) {
      list.append(
        el(
          "li",
          { "data-doc": doc },
          el("div", { class: "source" }, [doc, date || "undated", place].filter(Boolean).join(" · ")),
          el("blockquote", {}, text),
        ),
      );
    }
    info.append(el("h3", {}, "Evidence"), list);
    if (a.weight > a.evidence.length)
      info.append(el("p", { class: "meta" }, `${a.evidence.length} of ${a.weight} mentions shown`));
  }

  function showNothing() {
    info.replaceChildren(
      el(
        "p",
        { class: "meta" },
        "Search for a person, or click a node to see their connections and an edge to read its evidence.",
      ),
    );
  }

  function select(key) {
    state.selectedEdge = null;
    state.selected = key;
    state.neighbours = new Set();
    if (key) {
      graph.forEachEdge(key, (e, a, s, t) => {
        if (edgeVisible.get(e)) state.neighbours.add(s === key ? t : s);
      });
      showNode(key);
      focus([key, ...state.neighbours]);
    } else showNothing();
    if (renderer) renderer.refresh({ skipIndexation: true });
  }

  function selectEdge(e) {
    state.selectedEdge = e;
    state.selected = null;
    state.neighbours = new Set();
    showEdge(e);
    if (renderer) renderer.refresh({ skipIndexation: true });
  }

  // Moves the camera so that the given nodes are in view (only when some are outside it).
  function focus(nodes) {
    if (!renderer) return;
    const { width, height } = renderer.getDimensions();
    const margin = 30;
    const outside = nodes.some((k) => {
      const p = renderer.graphToViewport(graph.getNodeAttributes(k));
      return p.x < margin || p.y < margin || p.x > width - margin || p.y > height - margin;
    });
    if (!outside) return;
    const d = nodes.map((k) => renderer.getNodeDisplayData(k)).filter(Boolean);
    if (!d.length) return;
    const xs = d.map((p) => p.x),
      ys = d.map((p) => p.y);
    const x = (Math.min(...xs) + Math.max(...xs)) / 2,
      y = (Math.min(...ys) + Math.max(...ys)) / 2;
    const span = Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys), 0.05);
    renderer.getCamera().animate({ x, y, ratio: Math.min(1, span * 1.3) }, { duration: 300 });
  }

  // ---- search ----
  function search(text) {
    const q = fold(text);
    if (!q) return [];
    const best = new Map(); // key -> score (lower is better)
    for (const [name, key] of index) {
      let score;
      if (name === q) score = 0;
      else if ((" " + name + " ").includes(" " + q + " ")) score = 1;
      else if (name.startsWith(q)) score = 2;
      else if ((" " + name).includes(" " + q)) score = 3;
      else if (name.includes(q)) score = 4;
      else continue;
      const prev = best.get(key);
      if (prev === undefined || score < prev) best.set(key, score);
    }
    return [...best.entries()]
      .sort(
        (a, b) =>
          a[1] - b[1] ||
          graph.getNodeAttribute(b[0], "degree") - graph.getNodeAttribute(a[0], "degree") ||
          (a[0] < b[0] ? -1 : 1),
      )
      .map(([key]) => key);
  }

  const box = $("search");
  const results = $("results");
  let lastResults = [];
  function showResults() {
    lastResults = search(box.value);
    results.replaceChildren();
    for (const key of lastResults.slice(0, MAX_RESULTS)) {
      const a = graph.getNodeAttributes(key);
      results.append(
        el(
          "li",
          { "data-node": key },
          el("button", { class: "link", onclick: () => select(key) }, a.label),
          el("span", { class: "meta" }, ` ${a.ngType}, ${a.degree}`),
        ),
      );
    }
    if (box.value.trim() && !lastResults.length) results.append(el("li", { class: "meta" }, "no match"));
    else if (lastResults.length > MAX_RESULTS)
      results.append(el("li", { class: "meta" }, `… ${lastResults.length - MAX_RESULTS} more`));
    results.dataset.count = String(lastResults.length);
  }
  box.addEventListener("input", showResults);
  box.addEventListener("keydown", (ev) => {
    if (ev.key === "Enter") {
      showResults();
      if (lastResults.length) select(lastResults[0]);
    } else if (ev.key === "Escape") {
      box.value = "";
      showResults();
      select(null);
    }
  });

  // ---- filters ----
  const catList = $("categories");
  for (const [c, count] of [...categories.entries()].sort()) {
    const cb = el("input", { type: "checkbox", value: c, checked: "" });
    cb.addEventListener("change", () => {
      if (cb.checked) state.categories.add(c);
      else state.categories.delete(c);
      applyFilters();
      if (state.selected) select(state.selected);
    });
    catList.append(
      el(
        "label",
        { "data-category": c },
        cb,
        el("span", { class: "swatch", style: `background:${categoryColour(c)}` }),
        `${c} (${count})`,
      ),
    );
  }
  const from = $("from"),
    to = $("to"),
    undated = $("undated");
  if (minDate) {
    for (const d of [from, to]) {
      d.min = minDate;
      d.max = maxDate;
    }
    from.value = "";
    to.value = "";
    $("daterange").textContent = `dates ${minDate} – ${maxDate}`;
  } else {
    from.disabled = to.disabled = true;
    $("daterange").textContent = "no dated relations";
  }
  const onDates = () => {
    state.from = from.value;
    state.to = to.value;
    state.undated = undated.checked;
    applyFilters();
    if (state.selected) select(state.selected);
  };
  for (const c of [from, to, undated]) c.addEventListener("change", onDates);

  // ---- graph events ----
  if (renderer) {
    renderer.on("clickNode", ({ node }) => select(node));
    renderer.on("clickEdge", ({ edge }) => selectEdge(edge));
    renderer.on("clickStage", () => select(null));
    renderer.on("enterNode", ({ node }) => {
      state.hoveredNode = node;
      container.style.cursor = "pointer";
      renderer.refresh({ skipIndexation: true });
    });
    renderer.on("leaveNode", () => {
      state.hoveredNode = null;
      container.style.cursor = "";
      renderer.refresh({ skipIndexation: true });
    });
    renderer.on("enterEdge", () => (container.style.cursor = "pointer"));
    renderer.on("leaveEdge", () => (container.style.cursor = ""));
  }

  // ---- layout ----
  const layoutButton = $("layout");
  // Strong gravity keeps the many small components of a news graph close to the main one.
  const settings = { ...forceAtlas2.inferSettings(graph), gravity: big ? 0.05 : 1 };
  let layout = null;
  let stopTimer = null;
  const syncIterations = Math.min(400, Math.floor(SYNC_WORK / Math.max(1, graph.order * graph.order)));
  if (graph.order > 0 && syncIterations >= 100) {
    forceAtlas2.assign(graph, { iterations: syncIterations, settings });
    layoutState.iterations = syncIterations;
    layoutButton.textContent = "Run layout";
  }
  // The worker moves the nodes of `layoutGraph`. On large maps that is a lean copy whose
  // positions are copied to the drawn graph every SYNC_MS: redrawing 50,000 edges after every
  // iteration would keep the main thread busy (seconds per frame with software WebGL).
  let layoutGraph = null;
  let syncTimer = null;
  function syncPositions() {
    if (layoutGraph === graph) return;
    graph.updateEachNodeAttributes(
      (v, a) => {
        const p = layoutGraph.getNodeAttributes(v);
        a.x = p.x;
        a.y = p.y;
        return a;
      },
      { attributes: ["x", "y"] },
    );
  }
  function startLayout(ms) {
    if (!layout) {
      if (big) {
        layoutGraph = new Graph({ multi: true, type: "undirected" });
        graph.forEachNode((v, a) => layoutGraph.addNode(v, { x: a.x, y: a.y, size: a.size }));
        graph.forEachEdge((e, a, s, t) => layoutGraph.addEdgeWithKey(e, s, t, { weight: a.weight }));
      } else layoutGraph = graph;
      layout = new FA2Layout(layoutGraph, { settings });
    } else if (layoutGraph !== graph) {
      // Pick up nodes the user dragged or positions changed elsewhere.
      graph.forEachNode((v, a) => layoutGraph.mergeNodeAttributes(v, { x: a.x, y: a.y }));
    }
    layout.start();
    layoutState.running = true;
    // Large maps draw only the moving nodes while the layout runs, and their edges once it stops.
    if (big && renderer) renderer.refresh();
    layoutButton.textContent = "Stop layout";
    clearTimeout(stopTimer);
    clearInterval(syncTimer);
    stopTimer = setTimeout(stopLayout, ms);
    if (layoutGraph !== graph) syncTimer = setInterval(syncPositions, SYNC_MS);
  }
  function stopLayout() {
    if (layout) layout.stop();
    const wasRunning = layoutState.running;
    layoutState.running = false;
    if (wasRunning) syncPositions();
    if (wasRunning && big && renderer) renderer.refresh();
    layoutButton.textContent = "Run layout";
    clearTimeout(stopTimer);
    clearInterval(syncTimer);
  }
  layoutButton.addEventListener("click", () =>
    layoutState.running ? stopLayout() : startLayout(big ? WORKER_MS_LARGE : WORKER_MS_SMALL),
  );
  if (graph.order > 0 && syncIterations < 100) startLayout(big ? WORKER_MS_LARGE : WORKER_MS_SMALL);

  $("reset").addEventListener("click", () => {
    box.value = "";
    showResults();
    select(null);
    if (renderer) renderer.getCamera().animate(home, { duration: 300 });
  });

  applyFilters();
  showNothing();
  // Labels are drawn to the right of their node: leave room for them on small maps.
  const home = allLabels ? { x: 0.6, y: 0.5, ratio: 1.2, angle: 0 } : { x: 0.5, y: 0.5, ratio: 1, angle: 0 };
  if (renderer) renderer.getCamera().setState(home);

  window.newsgraphMap = {
    graph,
    renderer,
    state,
    layoutState,
    loadMs: performance.now() - t0,
    search,
    select,
    selectEdge,
    stopLayout,
    // Labels of the selected node and its neighbours (empty when nothing is selected).
    highlighted: () => (state.selected ? [state.selected, ...state.neighbours] : []).map((k) => graph.getNodeAttribute(k, "label")),
    // Labels sigma drew in the last frame.
    displayedLabels: () =>
      renderer ? [...renderer.getNodeDisplayedLabels()].map((k) => graph.getNodeAttribute(k, "label")) : [],
    // Viewport position (CSS pixels inside #graph) of a node, or of a point along an edge.
    nodePosition: (key) => (renderer ? renderer.graphToViewport(graph.getNodeAttributes(key)) : null),
    edgePoint: (edge, t) => {
      const s = graph.getNodeAttributes(graph.source(edge));
      const d = graph.getNodeAttributes(graph.target(edge));
      return renderer.graphToViewport({ x: s.x + (d.x - s.x) * t, y: s.y + (d.y - s.y) * t });
    },
    nodeKey: (label) => graph.findNode((k, a) => a.label === label),
  };
  document.body.dataset.ready = "true";
}

main();
