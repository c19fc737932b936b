// The alerts panel: alerts firing, acknowledged, silenced or held, then those resolved in the last
// 24 hours, each linked to its incident page. Refreshes itself.
(function () {
  "use strict";

  const { json, cell, badge, time } = window.LlmDashboard;
  const REFRESH_MS = 10000;

  function render(alerts) {
    const body = document.querySelector("#alerts tbody");
    body.replaceChildren();
    document.getElementById("no-alerts").hidden = alerts.length > 0;
    const active = alerts.filter((alert) => alert.state !== "resolved").length;
    document.getElementById("alerts-counts").textContent = active + " active, " + (alerts.length - active)
      + " resolved in the last 24 h";
    for (const alert of alerts) {
      const row = document.createElement("tr");
      row.dataset.alert = alert.alertId;
      row.dataset.state = alert.state;
      const state = cell(row, "");
      state.appendChild(badge("alert-state", alert.state));
      if (alert.held || alert.acknowledgedBy) {
        state.title = alert.held || "acknowledged by " + alert.acknowledgedBy;
      }
      cell(row, alert.severity);
      const link = document.createElement("a");
      link.href = alert.incident;
      link.className = "incident-link";
      link.textContent = alert.rule;
      cell(row, "").appendChild(link);
      cell(row, alert.targetId + (alert.model ? " (" + alert.model + ")" : ""));
      cell(row, alert.summary, "summary");
      cell(row, time(alert.startsAt));
      cell(row, alert.endsAt ? time(alert.endsAt) : "ongoing");
      body.appendChild(row);
    }
  }

  async function refresh() {
    try {
      render(await json("/api/v1/dashboard/alerts"));
    } catch (error) {
      document.getElementById("alerts-counts").textContent = "cannot load alerts: " + error.message;
    }
  }

  refresh();
  setInterval(refresh, REFRESH_MS);
})();
