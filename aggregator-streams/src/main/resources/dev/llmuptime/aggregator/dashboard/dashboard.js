// Dashboard: the targets table and, for the selected target over the selected range (1 h, 24 h,
// 7 d), charts, a row per region and the outcome breakdown. Everything comes from the JSON API and
// refreshes itself; ?target= and ?range= in the address select both.
(function () {
  "use strict";

  const { json, cell, badge, percent, millis, time, backoffBadge } = window.LlmDashboard;
  const REFRESH_MS = 10000;
  const RANGE_MS = { "1h": 3600 * 1000, "24h": 24 * 3600 * 1000, "7d": 7 * 24 * 3600 * 1000 };
  const RANGE_TITLES = { "1h": "Last hour", "24h": "Last 24 hours", "7d": "Last 7 days" };
  // The window size whose series each range's charts draw, as the server chose it: "1h=1m,24h=5m,7d=1h".
  const rangeWindows = Object.fromEntries(document.querySelector('meta[name="range-windows"]').content
    .split(",").map((pair) => pair.split("=")));
  const params = new URLSearchParams(window.location.search);
  let selected = params.get("target");
  let range = rangeWindows[params.get("range")] ? params.get("range")
    : document.querySelector('meta[name="default-range"]').content;
  let charts = [];

  function renderTargets(targets) {
    const body = document.querySelector("#targets tbody");
    body.replaceChildren();
    document.getElementById("empty").hidden = targets.length > 0;
    for (const target of targets) {
      const row = document.createElement("tr");
      row.dataset.target = target.targetId;
      row.dataset.status = target.status;
      if (target.targetId === selected) {
        row.classList.add("selected");
      }
      cell(row, target.targetId);
      cell(row, target.model || "–");
      const status = cell(row, "");
      status.appendChild(badge("status", target.status));
      backoffBadge(status, target.backoff);
      cell(row, percent(target.uptime["1h"]));
      cell(row, percent(target.uptime["24h"]));
      cell(row, percent(target.uptime["7d"]));
      cell(row, millis(target.latency));
      cell(row, millis(target.ttft));
      cell(row, new Date(target.lastProbeAt).toLocaleTimeString() + " " + target.lastOutcome);
      row.addEventListener("click", () => {
        selected = target.targetId;
        remember();
        refresh();
      });
      body.appendChild(row);
    }
  }

  function drawCharts(series, size, from, to) {
    charts.forEach((chart) => chart.destroy());
    // Always the whole range, however few windows there are yet.
    const span = { x: { time: true, range: () => [from / 1000, to / 1000] } };
    const times = series.map((s) => Date.parse(s.windowStart) / 1000);
    const latency = (q) => series.map((s) => (s.latency ? s.latency[q] : null));
    const width = Math.max(320, document.getElementById("charts").clientWidth - 10);
    charts = [
      new uPlot({
        title: "Latency of up probes (ms), " + size + " windows",
        width: width, height: 260,
        scales: span,
        series: [{}, { label: "p50", stroke: "#2563eb" }, { label: "p95", stroke: "#d97706" },
          { label: "p99", stroke: "#dc2626" }],
      }, [times, latency("p50"), latency("p95"), latency("p99")], document.getElementById("latency-chart")),
      new uPlot({
        title: "Uptime (%), " + size + " windows",
        width: width, height: 200,
        scales: Object.assign({ y: { range: [0, 100] } }, span),
        series: [{}, { label: "uptime", stroke: "#16a34a", fill: "rgba(22,163,74,0.1)" }],
      }, [times, series.map((s) => (s.uptime === null ? null : s.uptime * 100))], document.getElementById("uptime-chart")),
    ];
  }

  function outcomesText(counts) {
    const entries = Object.entries(counts);
    return entries.length === 0 ? "–" : entries.map(([outcome, n]) => outcome + " " + n).join(" · ");
  }

  function renderSummary(summary) {
    const regions = document.querySelector("#regions tbody");
    regions.replaceChildren();
    for (const row of [summary.all].concat(summary.regions)) {
      const tr = document.createElement("tr");
      tr.dataset.region = row.region;
      cell(tr, row.region === "*" ? "all regions" : row.region);
      cell(tr, String(row.count));
      cell(tr, percent(row.uptime));
      cell(tr, millis(row.latency));
      cell(tr, millis(row.ttft));
      cell(tr, outcomesText(row.outcomeCounts), "outcomes");
      backoffBadge(cell(tr, row.lastProbeAt ? time(row.lastProbeAt) + " " + row.lastOutcome : "–"), row.backoff);
      regions.appendChild(tr);
    }
    const outcomes = document.querySelector("#outcomes tbody");
    outcomes.replaceChildren();
    const counts = Object.entries(summary.all.outcomeCounts).sort((a, b) => b[1] - a[1]);
    document.getElementById("no-outcomes").hidden = counts.length > 0;
    for (const [outcome, n] of counts) {
      const tr = document.createElement("tr");
      tr.dataset.outcome = outcome;
      cell(tr, "").appendChild(badge("outcome", outcome));
      cell(tr, String(n));
      cell(tr, (100 * n / summary.all.count).toFixed(1) + " %");
      outcomes.appendChild(tr);
    }
  }

  function showRange() {
    document.getElementById("range-title").textContent = RANGE_TITLES[range] || range;
    for (const button of document.querySelectorAll("#range button")) {
      button.setAttribute("aria-pressed", String(button.dataset.range === range));
    }
  }

  function remember() {
    const search = new URLSearchParams(window.location.search);
    search.set("range", range);
    if (selected) {
      search.set("target", selected);
    }
    window.history.replaceState(null, "", "?" + search.toString());
  }

  async function refreshSelected(notes) {
    const asked = { range, selected };
    const to = Date.now();
    const from = to - RANGE_MS[range];
    const size = rangeWindows[range];
    const base = "/api/v1/targets/" + encodeURIComponent(selected);
    const [answer, summary] = await Promise.all([
      json(base + "/stats?window=" + encodeURIComponent(size) + "&from=" + encodeURIComponent(new Date(from).toISOString())),
      json(base + "/summary?range=" + encodeURIComponent(range)),
    ]);
    if (asked.range !== range || asked.selected !== selected) {
      return; // another range or target was chosen meanwhile: its own refresh draws it
    }
    // Stats read from a standby copy come wrapped and marked stale.
    const series = Array.isArray(answer) ? answer : answer.series;
    if (answer.stale || summary.stale) {
      notes.push("stale stats for " + selected);
    }
    document.getElementById("chart-target").textContent = selected;
    const section = document.getElementById("charts");
    section.dataset.range = range;
    section.dataset.window = size;
    drawCharts(series, size, from, to);
    renderSummary(summary);
  }

  async function refresh() {
    try {
      // A partial answer (an instance could not be reached) wraps the targets and names what is missing.
      const listed = await json("/api/v1/targets");
      const targets = Array.isArray(listed) ? listed : listed.targets;
      const notes = [];
      if (listed.partial) {
        notes.push("partial: no answer from " + listed.missing.map((m) => m.instance).join(", "));
      }
      if ((!selected || !targets.some((t) => t.targetId === selected)) && targets.length > 0) {
        selected = targets[0].targetId;
      }
      renderTargets(targets);
      if (selected) {
        await refreshSelected(notes);
      }
      document.getElementById("updated").textContent = "updated " + new Date().toLocaleTimeString()
        + (notes.length > 0 ? " (" + notes.join("; ") + ")" : "");
    } catch (error) {
      document.getElementById("updated").textContent = "cannot load stats: " + error.message;
    }
  }

  for (const button of document.querySelectorAll("#range button")) {
    button.addEventListener("click", () => {
      range = button.dataset.range;
      showRange();
      remember();
      refresh();
    });
  }
  showRange();
  refresh();
  setInterval(refresh, REFRESH_MS);
})();
