/* marsad dashboard: fetches aggregates from /api and draws them. No business logic here:
   every count and mean is computed in SQL by the server. Article text is always inserted as
   text nodes (never innerHTML), because articles are hostile input. */
"use strict";

const QUAD_COLORS = { 1: "#4c9f70", 2: "#1b6e3a", 3: "#e0a030", 4: "#c0392b" };
const FILTERS = ["start", "end", "actor", "country", "event_type", "cameo", "quad_class", "place", "q"];
const state = { lang: "ar", labels: {}, offset: 0, limit: 25, total: 0, charts: {}, worldReady: false };

function t(key, vars) {
  let s = (state.labels[state.lang] || {})[key] || key;
  for (const [k, v] of Object.entries(vars || {})) s = s.replace("{" + k + "}", String(v));
  return s;
}

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") node.className = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v);
  }
  for (const c of children) node.append(c == null ? "" : c);  // strings become text nodes
  return node;
}

function filterParams(extra) {
  const form = document.getElementById("filters");
  const params = new URLSearchParams();
  for (const name of FILTERS) {
    const value = form.elements[name].value.trim();
    if (value) params.set(name, value);
  }
  for (const [k, v] of Object.entries(extra || {})) params.set(k, v);
  return params;
}

async function api(path, params) {
  const query = params ? String(params) : "";
  const url = query ? `${path}?${query}` : path;
  const resp = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await resp.json();
  if (!resp.ok) throw new Error(body.error ? body.error.message : resp.statusText);
  return body;
}

function applyLabels() {
  document.documentElement.lang = state.lang;
  document.documentElement.dir = state.lang === "ar" ? "rtl" : "ltr";
  for (const node of document.querySelectorAll("[data-i18n]")) node.textContent = t(node.dataset.i18n);
}

function chart(id) {
  if (!state.charts[id]) state.charts[id] = echarts.init(document.getElementById(id), null, { renderer: "canvas" });
  return state.charts[id];
}

function actorLabel(a) {
  if (!a) return "";
  const name = state.lang === "en" ? (a.name_en || a.text || a.name_ar) : (a.name_ar || a.text || a.name_en);
  return a.code ? `${name || ""} (${a.code})` : (name || "");
}

/* ---- timeline ---- */
function drawTimeline(data) {
  const periods = [...new Set(data.items.map((r) => r.period))].sort();
  const index = new Map(periods.map((p, i) => [p, i]));
  const series = [1, 2, 3, 4].map((q) => {
    const values = new Array(periods.length).fill(0);
    for (const r of data.items) if (r.quad_class === q) values[index.get(r.period)] = r.events;
    return { name: t("q" + q), type: "bar", stack: "all", data: values, itemStyle: { color: QUAD_COLORS[q] } };
  });
  // open the zoom on the periods that hold the bulk of the events (a few dated decades back stay reachable)
  const totals = periods.map((_, i) => series.reduce((acc, ser) => acc + ser.data[i], 0));
  const all = totals.reduce((a, b) => a + b, 0);
  let first = 0;
  for (let cum = 0; first < periods.length - 1 && (cum += totals[first]) < 0.03 * all; first++);
  const zoom = { startValue: periods[first], endValue: periods[periods.length - 1] };
  chart("timeline").setOption({
    animation: false, tooltip: { trigger: "axis" }, legend: { top: 0 },
    grid: { left: 50, right: 20, top: 30, bottom: 50 },
    xAxis: { type: "category", data: periods, inverse: state.lang === "ar" },
    yAxis: { type: "value", position: state.lang === "ar" ? "right" : "left" },
    dataZoom: [{ type: "inside", ...zoom }, { type: "slider", height: 16, bottom: 8, ...zoom }], series,
  }, true);
}

/* ---- map ---- */
async function ensureWorld() {
  if (state.worldReady) return;
  const topo = await (await fetch("/static/vendor/countries-110m.json")).json();
  echarts.registerMap("world", topojson.feature(topo, topo.objects.countries));
  state.worldReady = true;
}

async function drawMap(data) {
  await ensureWorld();
  const max = Math.max(1, ...data.items.map((p) => p.events));
  const points = data.items.filter((p) => p.lat != null && p.lon != null)
    .map((p) => ({ name: p.name, value: [p.lon, p.lat, p.events], country: p.country }));
  const c = chart("map");
  c.setOption({
    animation: false,
    tooltip: { formatter: (p) => (p.data ? `${p.data.name}: ${p.data.value[2]}` : p.name) },
    geo: { map: "world", roam: true, center: [40, 28], zoom: 3.2, itemStyle: { areaColor: "#e8e6df", borderColor: "#aaa" },
      emphasis: { disabled: true } },
    series: [{ type: "scatter", coordinateSystem: "geo", data: points,
      symbolSize: (v) => 5 + 25 * Math.sqrt(v[2] / max), itemStyle: { color: "#8e44ad", opacity: 0.75 } }],
  }, true);
  c.off("click");
  c.on("click", (p) => { if (p.data) setFilter("place", p.data.name); });
}

/* ---- network ---- */
function goldsteinColor(g) {
  if (g == null) return "#999";
  const x = Math.max(-10, Math.min(10, g)) / 10;
  return x < 0 ? `rgba(192,57,43,${0.35 + 0.65 * -x})` : `rgba(39,174,96,${0.35 + 0.65 * x})`;
}

function drawNetwork(data) {
  const maxN = Math.max(1, ...data.nodes.map((n) => n.events));
  const maxE = Math.max(1, ...data.edges.map((e) => e.events));
  const c = chart("network");
  c.setOption({
    animation: false,
    tooltip: { formatter: (p) => p.dataType === "edge"
      ? `${p.data.source} → ${p.data.target}: ${p.data.events}, ${t("goldstein")} ${p.data.goldstein == null ? "–" : p.data.goldstein.toFixed(1)}`
      : `${p.data.label}: ${p.data.events}` },
    series: [{
      type: "graph", layout: "force", roam: true, draggable: true, zoom: 0.75,
      force: { repulsion: 260, edgeLength: [50, 160], gravity: 0.25, layoutAnimation: false },
      label: { show: true, position: "right", fontSize: 11, formatter: (p) => p.data.label },
      edgeSymbol: ["none", "arrow"], edgeSymbolSize: 6,
      data: data.nodes.map((n) => ({ id: n.id, name: n.id, label: `${actorLabel({ ...n, code: n.id }) || n.id}`, events: n.events,
        symbolSize: 8 + 28 * Math.sqrt(n.events / maxN) })),
      links: data.edges.map((e) => ({ source: e.source, target: e.target, events: e.events, goldstein: e.goldstein,
        lineStyle: { width: 1 + 7 * (e.events / maxE), color: goldsteinColor(e.goldstein), curveness: 0.15 } })),
    }],
  }, true);
  c.off("click");
  c.on("click", (p) => { if (p.dataType === "node") setFilter("actor", p.data.id); });
}

/* ---- event table ---- */
function eventLabel(ev) {
  return `${ev.event_type || "—"}${ev.mode ? "/" + ev.mode : ""} · ${ev.cameo}`;
}

function drawTable(data) {
  const body = document.querySelector("#events-table tbody");
  body.replaceChildren();
  if (!data.items.length) body.append(el("tr", {}, el("td", { colspan: "6" }, t("no_events"))));
  for (const ev of data.items) {
    const row = el("tr", { class: `q${ev.quad_class}`, tabindex: "0", "data-event": ev.id, "data-article": ev.article_id },
      el("td", { dir: "ltr" }, ev.date || ""),
      el("td", {}, actorLabel(ev.source)),
      el("td", { title: ev.evidence || "" }, eventLabel(ev), el("br"), el("span", { class: "trigger" }, ev.trigger ? ev.trigger.text : "")),
      el("td", {}, actorLabel(ev.target)),
      el("td", {}, ev.place ? ev.place.name : ""),
      el("td", { dir: "ltr" }, ev.confidence == null ? "" : ev.confidence.toFixed(2)));
    const open = () => openArticle(ev.article_id, ev.id);
    row.addEventListener("click", open);
    row.addEventListener("keydown", (e) => { if (e.key === "Enter") open(); });
    body.append(row);
  }
  state.total = data.total;
  const from = data.total ? data.offset + 1 : 0;
  document.getElementById("page-info").textContent =
    t("page", { from, to: Math.min(data.offset + data.limit, data.total), total: data.total });
  document.getElementById("prev").disabled = data.offset <= 0;
  document.getElementById("next").disabled = data.offset + data.limit >= data.total;
}

/* ---- article view ---- */
/* The event JSON names its place but has no offsets: take the article's place mention of that
   place inside the evidence sentence, else the first occurrence of the name in the sentence. */
function placeSpan(ev, article) {
  const s0 = ev.evidence ? article.text.indexOf(ev.evidence) : -1;
  if (s0 < 0) return null;
  const s1 = s0 + ev.evidence.length;
  const inside = (m) => m.start >= s0 && m.end <= s1;
  const found = (article.places || []).find((m) => inside(m) && (m.name === ev.place.name || m.text === ev.place.name));
  if (found) return found;
  const at = article.text.indexOf(ev.place.name, s0);
  return at >= 0 && at + ev.place.name.length <= s1 ? { start: at, end: at + ev.place.name.length } : null;
}

function eventSpans(ev, article) {
  const spans = [];
  const add = (s, role) => { if (s && Number.isInteger(s.start) && s.end > s.start) spans.push({ start: s.start, end: s.end, role }); };
  add(ev.trigger, "trigger"); add(ev.source, "source"); add(ev.target, "target");
  if (ev.place && Number.isInteger(ev.place.start)) add(ev.place, "place");
  else if (ev.place && ev.place.name) add(placeSpan(ev, article), "place");
  return spans;
}

function renderHighlighted(text, spans) {
  const order = ["trigger", "source", "target", "place"];
  const cuts = new Set([0, text.length]);
  for (const s of spans) { cuts.add(Math.max(0, s.start)); cuts.add(Math.min(text.length, s.end)); }
  const points = [...cuts].sort((a, b) => a - b);
  const out = document.createDocumentFragment();
  for (let i = 0; i < points.length - 1; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const piece = text.slice(a, b);
    const roles = spans.filter((s) => s.start <= a && s.end >= b).map((s) => s.role);
    if (!roles.length) { out.append(piece); continue; }
    roles.sort((x, y) => order.indexOf(x) - order.indexOf(y));
    out.append(el("mark", { class: roles.map((r) => "hl-" + r).join(" "), "data-role": roles[0] }, piece));
  }
  return out;
}

function showArticleEvent(article, ev) {
  const box = document.getElementById("article-text");
  const spans = ev ? eventSpans(ev, article) : article.events.flatMap((e) => eventSpans(e, article));
  box.replaceChildren(renderHighlighted(article.text, spans));
  for (const li of document.querySelectorAll("#article-events li")) li.classList.toggle("selected", !!ev && li.dataset.event === ev.id);
  const first = box.querySelector("mark");
  if (first && ev) first.scrollIntoView({ block: "center" });
}

function eventItem(article, ev) {
  const flags = ["negated", "hypothetical", "future", "historical", "attributed"].filter((f) => ev[f]).map((f) => t(f));
  const li = el("li", { "data-event": ev.id, class: `q${ev.quad_class}` },
    el("div", { class: "ev-head" },
      el("strong", {}, eventLabel(ev)), " ",
      el("span", {}, `${actorLabel(ev.source)} → ${actorLabel(ev.target)}`), " ",
      el("span", { class: "conf", dir: "ltr" }, `${t("confidence")}: ${ev.confidence == null ? "–" : ev.confidence.toFixed(2)}`),
      flags.length ? el("span", { class: "flags" }, " [" + flags.join(", ") + "]") : ""),
    el("blockquote", { class: "evidence", dir: "rtl", lang: "ar" }, ev.evidence || ""),
    ev.coder && ev.coder.rule ? el("div", { class: "why", dir: "ltr" }, `${t("why")}: ${ev.coder.rule}`) : "");
  li.addEventListener("click", () => showArticleEvent(article, ev));
  return li;
}

async function openArticle(articleId, eventId) {
  const article = await api(`/api/articles/${encodeURIComponent(articleId)}`);
  const panel = document.getElementById("article");
  document.getElementById("article-title").textContent = article.title || article.id;
  document.getElementById("article-meta").textContent =
    [article.source, article.published, article.url].filter(Boolean).join(" · ");
  const list = document.getElementById("article-events");
  list.replaceChildren(...article.events.map((ev) => eventItem(article, ev)));
  panel.hidden = false;
  showArticleEvent(article, article.events.find((e) => e.id === eventId) || null);
}

/* ---- wiring ---- */
function setFilter(name, value) {
  document.getElementById("filters").elements[name].value = value;
  state.offset = 0;
  refresh();
}

async function loadEvents() {
  drawTable(await api("/api/events", filterParams({ limit: state.limit, offset: state.offset })));
}

async function refresh() {
  const p = filterParams();
  const jobs = [
    api("/api/timeline", p).then(drawTimeline),
    api("/api/places", filterParams({ limit: 300 })).then(drawMap),
    api("/api/graph", filterParams({ limit: 40 })).then(drawNetwork),
    loadEvents(),
  ];
  const results = await Promise.allSettled(jobs);
  const failed = results.find((r) => r.status === "rejected");
  document.body.dataset.ready = failed ? "error" : "yes";
  if (failed) document.getElementById("stats").textContent = `${t("error")}: ${failed.reason.message}`;
}

async function loadMeta() {
  const meta = await api("/api/meta");
  document.getElementById("stats").textContent = t("stats", { events: meta.events, articles: meta.articles });
  const select = document.getElementById("f-type");
  select.replaceChildren(select.options[0], ...meta.event_types.map((x) => el("option", { value: x }, x)));
  const actors = await api("/api/actors", new URLSearchParams({ limit: 200 }));
  document.getElementById("actor-list").replaceChildren(
    ...actors.items.map((a) => el("option", { value: a.code }, actorLabel(a))));
  state.meta = meta;
}

async function main() {
  state.labels = await (await fetch("/static/labels.json")).json();
  applyLabels();
  document.getElementById("filters").addEventListener("submit", (e) => { e.preventDefault(); state.offset = 0; refresh(); });
  document.getElementById("reset").addEventListener("click", () => { document.getElementById("filters").reset(); state.offset = 0; refresh(); });
  document.getElementById("prev").addEventListener("click", () => { state.offset = Math.max(0, state.offset - state.limit); loadEvents(); });
  document.getElementById("next").addEventListener("click", () => { state.offset += state.limit; loadEvents(); });
  document.getElementById("article-close").addEventListener("click", () => { document.getElementById("article").hidden = true; });
  document.getElementById("lang-toggle").addEventListener("click", () => {
    state.lang = state.lang === "ar" ? "en" : "ar"; applyLabels(); loadMeta(); refresh();
  });
  window.addEventListener("resize", () => Object.values(state.charts).forEach((c) => c.resize()));
  await loadMeta();
  await refresh();
}

document.addEventListener("DOMContentLoaded", main);
