// Dashboard: the targets table and, for the selected target, charts of the last 24 hours.
// Everything comes from the JSON API and refreshes itself.
(function () {
  "use strict";

  const REFRESH_MS = 10000;
  const chartWindow = document.querySelector('meta[name="chart-window"]').content;
  let selected = null;
  let charts = [];

  function percent(value) {
    return value === null || value === undefined ? "–" : (value * 100).toFixed(2) + " %";
  }

  function millis(p) {
    return p ? [p.p50, p.p95, p.p99].map((v) => Math.round(v)).join(" / ") + " ms" : "–";
  }

  function cell(row, text, className) {
    const td = document.createElement("td");
    td.textContent = text;
    if (className) {
      td.className = className;
    }
    row.appendChild(td);
    return td;
  }

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
      const status = document.createElement("span");
      status.className = "status status-" + target.status.replace(/ /g, "-");
      status.textContent = target.status;
      cell(row, "").appendChild(status);
      cell(row, percent(target.uptime["1h"]));
      cell(row, percent(target.uptime["24h"]));
      cell(row, percent(target.uptime["7d"]));
      cell(row, millis(target.latency));
      cell(row, millis(target.ttft));
      cell(row, new Date(target.lastProbeAt).toLocaleTimeString() + " " + target.lastOutcome);
      row.addEventListener("click", () => {
        selected = target.targetId;
        refresh();
      });
      body.appendChild(row);
    }
  }

  function drawCharts(series, from, to) {
    charts.forEach((chart) => chart.destroy());
    // Always the whole day, however few windows there are yet.
    const day = { x: { time: true, range: () => [from / 1000, to / 1000] } };
    const time = series.map((s) => Date.parse(s.windowStart) / 1000);
    const latency = (q) => series.map((s) => (s.latency ? s.latency[q] : null));
    const width = Math.max(320, document.getElementById("charts").clientWidth - 10);
    charts = [
      new uPlot({
        title: "Latency of up probes (ms), " + chartWindow + " windows",
        width: width, height: 260,
        scales: day,
        series: [{}, { label: "p50", stroke: "#2563eb" }, { label: "p95", stroke: "#d97706" },
          { label: "p99", stroke: "#dc2626" }],
      }, [time, latency("p50"), latency("p95"), latency("p99")], document.getElementById("latency-chart")),
      new uPlot({
        title: "Uptime (%), " + chartWindow + " windows",
        width: width, height: 200,
        scales: Object.assign({ y: { range: [0, 100] } }, day),
        series: [{}, { label: "uptime", stroke: "#16a34a", fill: "rgba(22,163,74,0.1)" }],
      }, [time, series.map((s) => (s.uptime === null ? null : s.uptime * 100))], document.getElementById("uptime-chart")),
    ];
  }

  async function json(url) {
    const response = await fetch(url, { cache: "no-store" });
    if (!response.ok) {
      throw new Error(url + ": HTTP " + response.status);
    }
    return response.json();
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
      if (!selected && targets.length > 0) {
        selected = targets[0].targetId;
      }
      renderTargets(targets);
      if (selected) {
        const to = Date.now();
        const from = to - 24 * 3600 * 1000;
        const answer = await json("/api/v1/targets/" + encodeURIComponent(selected) + "/stats?window="
          + encodeURIComponent(chartWindow) + "&from=" + encodeURIComponent(new Date(from).toISOString()));
        // Stats read from a standby copy come wrapped and marked stale.
        const series = Array.isArray(answer) ? answer : answer.series;
        if (answer.stale) {
          notes.push("stale stats for " + selected);
        }
        document.getElementById("chart-target").textContent = selected;
        drawCharts(series, from, to);
      }
      document.getElementById("updated").textContent = "updated " + new Date().toLocaleTimeString()
        + (notes.length > 0 ? " (" + notes.join("; ") + ")" : "");
    } catch (error) {
      document.getElementById("updated").textContent = "cannot load stats: " + error.message;
    }
  }

  refresh();
  setInterval(refresh, REFRESH_MS);
})();
