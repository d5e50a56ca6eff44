/* marsad dashboard: fetches aggregates from /api and draws them. No business logic here:
   every count and mean is computed in SQL by the server. Article text is always inserted as
   text nodes (never innerHTML), because articles are hostile input. */
"use strict";

const QUAD_COLORS = { 1: "#4c9f70", 2: "#1b6e3a", 3: "#e0a030", 4: "#c0392b" };
const FILTERS = ["start", "end", "actor", "source", "target", "dyad", "country", "event_type", "cameo", "quad_class",
  "place", "place_id", "outlet", "q", "min_confidence"];
const state = { lang: "ar", labels: {}, codes: { agents: {}, plover: {}, countries: {} }, offset: 0, limit: 25, total: 0,
  charts: {}, worldReady: false, gen: 0, pageSeq: 0, cursors: new Map() };

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

/* ECharts writes tooltip strings as HTML: every name in one comes from articles, so escape it. */
function esc(s) {
  return String(s == null ? "" : s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function filterParams(extra) {
  const form = document.getElementById("filters");
  const params = new URLSearchParams();
  for (const name of FILTERS) {
    const value = form.elements[name].value.trim();
    if (value) params.set(name, value);
  }
  // by default the server counts complete, asserted events; ticked boxes bring the others back
  const include = [...form.querySelectorAll("input[name=include]:checked")].map((box) => box.value);
  if (include.length) params.set("include", include.join(","));
  for (const [k, v] of Object.entries(extra || {})) params.set(k, v);
  return params;
}

/* The download button exports what the filters select (the same rows as `marsad export`), in the chosen format. */
function updateExportLinks() {
  const fmt = document.getElementById("export-format").value;
  document.getElementById("export").href = `/api/export?${filterParams({ format: fmt })}`;
}

/* ---- the view in the URL: every control, the language and the page, so a view can be shared and reloaded ---- */
function viewParams() {
  const params = filterParams();
  if (state.lang !== "ar") params.set("lang", state.lang);
  if (state.offset > 0) params.set("offset", String(state.offset));
  return params;
}

function writeUrl(push) {
  const query = String(viewParams());
  const url = query ? `${location.pathname}?${query}` : location.pathname;
  if (url === location.pathname + location.search) return;
  history[push ? "pushState" : "replaceState"](null, "", url);
}

function setSelect(select, value) {
  if (value && ![...select.options].some((o) => o.value === value)) select.append(el("option", { value }, value));
  select.value = value;
}

function readUrl() {
  const params = new URLSearchParams(location.search);
  const form = document.getElementById("filters");
  for (const name of FILTERS) {
    const control = form.elements[name], value = (params.get(name) || "").trim();
    if (control.tagName === "SELECT") setSelect(control, value);
    else control.value = value;
  }
  const include = (params.get("include") || "").split(",").map((x) => x.trim().toLowerCase());
  for (const box of form.querySelectorAll("input[name=include]")) box.checked = include.includes(box.value) || include.includes("all");
  state.lang = params.get("lang") === "en" ? "en" : "ar";
  state.offset = Math.max(0, parseInt(params.get("offset") || "0", 10) || 0);
}

/* ---- errors: the API's message, shown once, gone with the next query that succeeds ---- */
function showErrors(messages) {
  const box = document.getElementById("error");
  const unique = [...new Set(messages)];
  box.textContent = unique.length ? `${t("error")}: ${unique.join(" · ")}` : "";
  box.hidden = !unique.length;
}

/* ---- curated names: CAMEO agents, countries and PLOVER types (codes.json), never words from an article ---- */
function capitalise(s) { return s && state.lang === "en" ? s[0].toUpperCase() + s.slice(1) : s; }

function codeName(code) {
  if (!code) return null;
  const { agents, countries } = state.codes, up = String(code).toUpperCase(), L = state.lang;
  if (agents[up]) return capitalise(agents[up][L]);
  if (up.length === 3 && countries[up]) return countries[up][L];
  if (up.length === 6 && countries[up.slice(0, 3)] && agents[up.slice(3)]) {
    return `${countries[up.slice(0, 3)][L]}: ${agents[up.slice(3)][L]}`;
  }
  return null;
}

function typeName(type) {
  const entry = type && state.codes.plover[type];
  return entry ? entry[state.lang] : type;
}

function drawStats(meta) {
  document.getElementById("stats").textContent =
    t("stats", { events: meta.events, mentions: meta.mentions, articles: meta.articles });
}

async function api(path, params) {  // throws the API's own error message
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
  for (const node of document.querySelectorAll("[data-i18n-placeholder]")) node.placeholder = t(node.dataset.i18nPlaceholder);
}

/* A chart whose query matched nothing says so, instead of drawing empty axes. */
function showEmpty(id, empty) {
  document.getElementById(id + "-empty").hidden = !empty;
  document.getElementById(id).classList.toggle("is-empty", empty);
}

function chart(id) {
  if (!state.charts[id]) state.charts[id] = echarts.init(document.getElementById(id), null, { renderer: "canvas" });
  return state.charts[id];
}

function actorLabel(a) {
  if (!a) return "";
  const name = codeName(a.code) ||
    (state.lang === "en" ? (a.name_en || a.text || a.name_ar) : (a.name_ar || a.text || a.name_en));
  return a.code ? `${name || ""} (${a.code})` : (name || "");
}

/* "source → target"; in Arabic the arrow points left, the way the line reads. Names are isolated
   (bdi) so a Latin code next to Arabic text does not reorder the pair. */
function arrow() { return state.lang === "ar" ? " ← " : " → "; }

function actorPair(ev) {
  return [el("bdi", {}, actorLabel(ev.source) || "—"), arrow(), el("bdi", {}, actorLabel(ev.target) || "—")];
}

/* ---- timeline ---- */
/* A timeline period (2014-05-22, 2014-W21, 2014-05, 2014) as the first and last date it covers. */
function periodRange(period) {
  const iso = (d) => d.toISOString().slice(0, 10);
  let m;
  if ((m = /^(\d{4})$/.exec(period))) return [`${m[1]}-01-01`, `${m[1]}-12-31`];
  if ((m = /^(\d{4})-(\d{2})$/.exec(period))) return [`${period}-01`, iso(new Date(Date.UTC(+m[1], +m[2], 0)))];
  if ((m = /^(\d{4})-W(\d{2})$/.exec(period))) {
    const jan4 = new Date(Date.UTC(+m[1], 0, 4));
    const monday = new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 864e5 + (+m[2] - 1) * 7 * 864e5);
    return [iso(monday), iso(new Date(monday.getTime() + 6 * 864e5))];
  }
  return [period, period];
}

function drawTimeline(data) {
  showEmpty("timeline", !data.items.length);
  const periods = [...new Set(data.items.map((r) => r.period))].sort();
  const index = new Map(periods.map((p, i) => [p, i]));
  const series = [1, 2, 3, 4].map((q) => {
    const values = new Array(periods.length).fill(0);
    for (const r of data.items) if (r.quad_class === q) values[index.get(r.period)] = r.events;
    return { name: t("q" + q), type: "bar", stack: "all", data: values, itemStyle: { color: QUAD_COLORS[q] } };
  });
  // open the zoom on the span of the middle 90% of the events (the span the server chose the interval
  // from): a few events dated decades back or years ahead stay reachable without crowding the rest
  const totals = periods.map((_, i) => series.reduce((acc, ser) => acc + ser.data[i], 0));
  const all = totals.reduce((a, b) => a + b, 0);
  let first = 0, last = periods.length - 1;
  for (let cum = 0; first < last && (cum += totals[first]) <= Math.floor(all / 20); first++);
  for (let cum = 0; last > first && (cum += totals[last]) <= Math.floor(all / 20); last--);
  const zoom = { startValue: periods[first], endValue: periods[last] };
  chart("timeline").setOption({
    animation: false, tooltip: { trigger: "axis" }, legend: { top: 0 },
    grid: { left: 50, right: 50, top: 50, bottom: 50 },
    xAxis: { type: "category", data: periods, inverse: state.lang === "ar" },
    yAxis: { type: "value", position: state.lang === "ar" ? "right" : "left", name: t("events_axis"), minInterval: 1 },
    dataZoom: [{ type: "inside", ...zoom }, { type: "slider", height: 16, bottom: 8, ...zoom }], series,
  }, true);
  // drill down: a bar is one period and one quad class
  const c = chart("timeline");
  c.off("click");
  c.on("click", (p) => {
    if (p.componentType !== "series" || !p.value) return;
    const [start, end] = periodRange(p.name);
    setFilters({ start, end, quad_class: String(p.seriesIndex + 1) });
  });
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
    .map((p) => ({ name: p.name, value: [p.lon, p.lat, p.events], country: p.country, placeId: p.id }));
  showEmpty("map", !points.length);
  const c = chart("map");
  c.setOption({
    animation: false,
    tooltip: { formatter: (p) => (p.data ? `${esc(p.data.name)}${p.data.country ? " (" + esc(p.data.country) + ")" : ""}: ${t("events_axis")}: ${p.data.value[2]}` : esc(p.name)) },
    geo: { map: "world", roam: true, center: [40, 28], zoom: 3.2, itemStyle: { areaColor: "#e8e6df", borderColor: "#aaa" },
      emphasis: { disabled: true } },
    series: [{ type: "scatter", coordinateSystem: "geo", data: points,
      symbolSize: (v) => 5 + 25 * Math.sqrt(v[2] / max), itemStyle: { color: "#8e44ad", opacity: 0.75 } }],
  }, true);
  c.off("click");
  c.on("click", (p) => {
    if (!p.data) return;
    if (p.data.placeId) setFilters({ place_id: p.data.placeId, place: "" });
    else setFilters({ place: p.data.name });
  });
}

/* ---- network ---- */
function goldsteinColor(g) {
  if (g == null) return "#999";
  const x = Math.max(-10, Math.min(10, g)) / 10;
  return x < 0 ? `rgba(192,57,43,${0.35 + 0.65 * -x})` : `rgba(39,174,96,${0.35 + 0.65 * x})`;
}

/* The network shows at most NET_NODES actors (the busiest: events on the fetched edges) and labels
   only the NET_LABELS busiest of them; every other name shows on hover, in the tooltip. */
const NET_EDGES = 60, NET_NODES = 30, NET_LABELS = 10;

function actorName(a) {
  const name = codeName(a.id) || (state.lang === "en" ? (a.name_en || a.name_ar) : (a.name_ar || a.name_en));
  return name || a.id || "";
}

function networkData(data) {
  const ranked = [...data.nodes].sort((x, y) => y.events - x.events || (x.id < y.id ? -1 : 1));
  const kept = ranked.slice(0, NET_NODES);
  const ids = new Set(kept.map((n) => n.id));
  const labelled = new Set(kept.slice(0, NET_LABELS).map((n) => n.id));
  const edges = data.edges.filter((e) => ids.has(e.source) && ids.has(e.target));
  return { nodes: kept, edges, labelled, hidden: data.nodes.length - kept.length, total: data.nodes.length };
}

function networkNote(net) {
  const note = document.getElementById("network-note");
  note.textContent = net.hidden > 0
    ? t("network_hidden", { shown: net.nodes.length, total: net.total, hidden: net.hidden, labels: net.labelled.size })
    : "";
  note.hidden = net.hidden <= 0;
}

function drawNetwork(data) {
  const net = networkData(data);
  networkNote(net);
  showEmpty("network", !net.nodes.length);
  const maxN = Math.max(1, ...net.nodes.map((n) => n.events));
  const maxE = Math.max(1, ...net.edges.map((e) => e.events));
  const names = new Map(net.nodes.map((n) => [n.id, actorName(n)]));
  const c = chart("network");
  c.setOption({
    animation: false,
    tooltip: { formatter: (p) => p.dataType === "edge"
      ? `${esc(names.get(p.data.source))} (${esc(p.data.source)})${arrow()}${esc(names.get(p.data.target))} (${esc(p.data.target)}): ${t("events_axis")}: ${p.data.events}, ${t("goldstein")} ${p.data.goldstein == null ? "–" : p.data.goldstein.toFixed(1)}`
      : `${esc(p.data.fullName)} (${esc(p.data.id)}): ${t("events_axis")}: ${p.data.events}` },
    series: [{
      type: "graph", layout: "force", roam: true, draggable: true, zoom: 1,
      force: { repulsion: 160, edgeLength: [40, 110], gravity: 0.2, layoutAnimation: false },
      label: { position: "bottom", fontSize: 11, width: 140, overflow: "truncate", formatter: (p) => p.data.fullName,
        textBorderColor: "#fff", textBorderWidth: 3 },
      labelLayout: { hideOverlap: true },
      emphasis: { focus: "adjacency", label: { show: true } },
      edgeSymbol: ["none", "arrow"], edgeSymbolSize: 6,
      data: net.nodes.map((n) => ({ id: n.id, name: n.id, fullName: names.get(n.id), events: n.events,
        label: { show: net.labelled.has(n.id) }, symbolSize: 8 + 26 * Math.sqrt(n.events / maxN) })),
      links: net.edges.map((e) => ({ source: e.source, target: e.target, events: e.events, goldstein: e.goldstein,
        lineStyle: { width: 1 + 6 * (e.events / maxE), color: goldsteinColor(e.goldstein), curveness: 0.15 } })),
    }],
  }, true);
  c.off("click");
  c.on("click", (p) => {
    if (p.dataType === "node") setFilters({ actor: p.data.id });
    else if (p.dataType === "edge") setFilters({ dyad: `${p.data.source},${p.data.target}` });
  });
}

/* ---- event table ---- */
function eventLabel(ev) {
  if (!ev.event_type) return `CAMEO ${ev.cameo}`;
  return `${typeName(ev.event_type)} (${ev.event_type}${ev.mode ? "/" + ev.mode : ""}) · ${ev.cameo}`;
}

/* the actor's curated name and code; the words the article used show on hover */
function actorCell(a) {
  return el("td", { class: "actor", title: a ? (a.text || a.name_ar || "") : "" }, actorLabel(a));
}

function drawTable(data) {
  const body = document.querySelector("#events-table tbody");
  body.replaceChildren();
  if (!data.items.length) body.append(el("tr", {}, el("td", { colspan: "6" }, t("no_events"))));
  for (const ev of data.items) {
    const row = el("tr", { class: `q${ev.quad_class}`, tabindex: "0", "data-event": ev.id, "data-article": ev.article_id },
      el("td", { class: "date" }, el("span", { dir: "ltr" }, ev.date || "")),  // the cell keeps the page direction: its quad-class bar sits at the row's start
      actorCell(ev.source),
      el("td", { title: ev.evidence || "" }, el("bdi", { class: "ev-code" }, eventLabel(ev)), el("br"), el("span", { class: "trigger" }, ev.trigger ? ev.trigger.text : "")),
      actorCell(ev.target),
      el("td", {}, ev.place ? ev.place.name : ""),
      el("td", { dir: "ltr" }, ev.confidence == null ? "" : ev.confidence.toFixed(2)));
    const open = () => openArticle(ev.article_id, ev.id);
    row.addEventListener("click", open);
    row.addEventListener("keydown", (e) => { if (e.key === "Enter") open(); });
    body.append(row);
  }
  state.total = data.total;
  const from = data.total ? data.offset + 1 : 0;
  document.getElementById("page-info").textContent = data.total
    ? t("page", { from, to: Math.min(data.offset + data.limit, data.total), total: data.total }) : t("page_empty");
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
  const summary = document.getElementById("article-selected");
  summary.hidden = !ev;
  summary.replaceChildren(...(ev ? [el("bdi", {}, eventLabel(ev)), " «", ev.trigger ? ev.trigger.text : "", "» ", ...actorPair(ev)] : []));
  // scroll the panel only (scrollIntoView would also scroll the page behind it)
  const first = box.querySelector("mark.hl-trigger") || box.querySelector("mark");
  const panel = document.getElementById("article");
  if (first && ev) panel.scrollTop += first.getBoundingClientRect().top - panel.clientHeight / 2;
}

function eventItem(article, ev) {
  const flags = ["negated", "hypothetical", "future", "historical", "attributed"].filter((f) => ev[f]).map((f) => t(f));
  if (ev.complete === false) flags.push(t("incomplete"));
  const li = el("li", { "data-event": ev.id, class: `q${ev.quad_class}` },
    el("div", { class: "ev-head" },
      el("strong", {}, eventLabel(ev)), " ",
      el("span", {}, ...actorPair(ev)), " ",
      el("span", { class: "conf", dir: "ltr" }, `${t("confidence")}: ${ev.confidence == null ? "–" : ev.confidence.toFixed(2)}`),
      flags.length ? el("span", { class: "flags" }, " [" + flags.join(", ") + "]") : ""),
    el("blockquote", { class: "evidence", dir: "rtl", lang: "ar" }, ev.evidence || ""),
    ev.coder && ev.coder.rule ? el("div", { class: "why", dir: "ltr" }, `${t("why")}: ${ev.coder.rule}`) : "");
  li.addEventListener("click", () => showArticleEvent(article, ev));
  return li;
}

/* Percent-encoded Arabic in a URL is unreadable: show it decoded (as text, never as a link). */
function readableUrl(url) {
  if (!url) return "";
  try { return decodeURI(url); } catch (e) { return url; }
}

async function openArticle(articleId, eventId) {
  const article = await api(`/api/articles/${encodeURIComponent(articleId)}`);
  const panel = document.getElementById("article");
  document.getElementById("article-title").textContent = article.title || article.id;
  document.getElementById("article-meta").textContent =
    [article.source, article.published && article.published.replace("T", " "), readableUrl(article.url)].filter(Boolean).join(" · ");
  const list = document.getElementById("article-events");
  list.replaceChildren(...article.events.map((ev) => eventItem(article, ev)));
  panel.hidden = false;
  showArticleEvent(article, article.events.find((e) => e.id === eventId) || null);
}

/* ---- wiring ---- */
/* Drill-down (a bar, an actor, a link, a place): set those filters and show the events they select. */
function setFilters(values) {
  const form = document.getElementById("filters");
  for (const [name, value] of Object.entries(values)) {
    if (form.elements[name].tagName === "SELECT") setSelect(form.elements[name], value);
    else form.elements[name].value = value;
  }
  state.offset = 0;
  refresh(true);
}

/* Pages are asked for after the last event of the page before (keyset paging: a deep page costs
   what the first does); the offset is only sent when no cursor is known (a URL opened at page 40). */
function eventParams() {
  const cursor = state.offset > 0 ? state.cursors.get(state.offset) : undefined;
  return filterParams(cursor ? { limit: state.limit, after: cursor } : { limit: state.limit, offset: state.offset });
}

function drawPage(data, offset) {
  if (data.next) state.cursors.set(offset + state.limit, data.next);
  drawTable({ ...data, offset });
}

/* Each refresh is a generation: answers of an older one (still in flight) are dropped. */
async function loadEvents(gen) {
  const offset = state.offset;
  const data = await api("/api/events", eventParams());
  if (gen === state.gen) drawPage(data, offset);
}

async function page(offset) {
  state.offset = Math.max(0, offset);
  writeUrl(false);
  const gen = state.gen, seq = ++state.pageSeq;  // a newer page or refresh wins
  try {
    const offset = state.offset;
    const data = await api("/api/events", eventParams());
    if (gen === state.gen && seq === state.pageSeq) { drawPage(data, offset); showErrors([]); }
  } catch (e) {
    if (gen === state.gen && seq === state.pageSeq) showErrors([e.message]);
  }
}

async function refresh(push) {
  const gen = ++state.gen;
  state.pageSeq++;
  state.cursors = new Map();  // cursors belong to one selection
  const p = filterParams();
  const live = (draw) => (data) => (gen === state.gen ? draw(data) : undefined);
  updateExportLinks();
  writeUrl(push);
  document.body.dataset.ready = "no";
  const jobs = [
    api("/api/meta", p).then(live(drawStats)),
    api("/api/timeline", p).then(live(drawTimeline)),
    api("/api/places", filterParams({ limit: 300 })).then(live(drawMap)),
    api("/api/graph", filterParams({ limit: NET_EDGES })).then(live(drawNetwork)),
    loadEvents(gen),
  ];
  const results = await Promise.allSettled(jobs);
  if (gen !== state.gen) return;
  const failed = results.filter((r) => r.status === "rejected").map((r) => r.reason.message);
  showErrors(failed);
  document.body.dataset.ready = failed.length ? "error" : "yes";
}

async function loadMeta() {
  const meta = await api("/api/meta");  // the types present in the store, whatever the filters
  const select = document.getElementById("f-type"), keep = select.value;
  select.replaceChildren(select.options[0],
    ...meta.event_types.map((x) => el("option", { value: x }, `${typeName(x)} (${x})`)));
  setSelect(select, keep);
  const actors = await api("/api/actors", new URLSearchParams({ limit: 200 }));
  document.getElementById("actor-list").replaceChildren(
    ...actors.items.map((a) => el("option", { value: a.code }, actorLabel(a))));
  state.meta = meta;
}

function resetControls() {
  const form = document.getElementById("filters");
  for (const name of FILTERS) form.elements[name].value = "";
  for (const box of form.querySelectorAll("input[name=include]")) box.checked = false;
}

async function main() {
  const [labels, codes] = await Promise.all(["/static/labels.json", "/static/codes.json"].map(
    async (path) => (await fetch(path)).json()));
  state.labels = labels;
  state.codes = codes;
  readUrl();
  applyLabels();
  document.getElementById("filters").addEventListener("submit", (e) => { e.preventDefault(); state.offset = 0; refresh(true); });
  document.getElementById("reset-filters").addEventListener("click", () => { resetControls(); state.offset = 0; refresh(true); });
  document.getElementById("export-format").addEventListener("change", updateExportLinks);
  document.getElementById("prev").addEventListener("click", () => page(state.offset - state.limit));
  document.getElementById("next").addEventListener("click", () => page(state.offset + state.limit));
  document.getElementById("article-close").addEventListener("click", () => { document.getElementById("article").hidden = true; });
  document.getElementById("lang-toggle").addEventListener("click", () => {
    state.lang = state.lang === "ar" ? "en" : "ar"; applyLabels(); loadMeta().catch(() => {}); refresh(false);
  });
  window.addEventListener("popstate", () => { readUrl(); applyLabels(); loadMeta().catch(() => {}); refresh(false); });
  window.addEventListener("resize", () => Object.values(state.charts).forEach((c) => c.resize()));
  await loadMeta();
  await refresh(false);
}

document.addEventListener("DOMContentLoaded", main);
