// The incident page /incidents/{alertId}: the alert's facts, its timeline (fired, silenced or held,
// reminded, escalated, acknowledged, resolved) and the failing probes it carried as evidence.
(function () {
  "use strict";

  const { cell, badge, time, duration } = window.LlmDashboard;
  const REFRESH_MS = 10000;
  const alertId = decodeURIComponent(window.location.pathname.replace(/^\/incidents\//, ""));

  function fact(list, name, value, key) {
    if (value === null || value === undefined || value === "") {
      return;
    }
    const dt = document.createElement("dt");
    dt.textContent = name;
    const dd = document.createElement("dd");
    dd.dataset.fact = key;
    if (value instanceof Node) {
      dd.appendChild(value);
    } else {
      dd.textContent = value;
    }
    list.append(dt, dd);
  }

  function render(incident) {
    document.title = incident.rule + " on " + incident.targetId + " · LLM Uptime Monitor";
    document.getElementById("title").textContent = incident.summary;
    const facts = document.getElementById("facts");
    facts.replaceChildren();
    fact(facts, "state", badge("alert-state", incident.state), "state");
    fact(facts, "held", incident.held, "held");
    fact(facts, "acknowledged by", incident.acknowledgedBy
      ? incident.acknowledgedBy + (incident.comment ? ": " + incident.comment : "") : null, "acknowledgedBy");
    fact(facts, "rule", incident.rule + " (" + incident.severity + ")", "rule");
    fact(facts, "target", incident.targetId, "target");
    fact(facts, "provider and model", [incident.provider, incident.model].filter((v) => v).join(" · "), "model");
    fact(facts, "metric", incident.metric + (incident.value === null ? "" : " = " + incident.value)
      + (incident.threshold === null ? "" : " (threshold " + incident.threshold + ")"), "metric");
    fact(facts, "started", time(incident.startsAt), "startsAt");
    fact(facts, "ended", incident.endsAt ? time(incident.endsAt) : "ongoing", "endsAt");
    fact(facts, "duration", duration(incident.durationSeconds), "duration");
    fact(facts, "alert id", incident.alertId, "alertId");

    const timeline = document.getElementById("timeline");
    timeline.replaceChildren();
    for (const step of incident.timeline) {
      const item = document.createElement("li");
      item.dataset.kind = step.kind;
      const when = document.createElement("time");
      when.dateTime = step.at;
      when.textContent = time(step.at);
      const detail = document.createElement("span");
      detail.className = "detail";
      detail.textContent = step.detail;
      item.append(when, " ", badge("step", step.kind), " ", detail);
      timeline.appendChild(item);
    }

    const evidence = document.querySelector("#evidence tbody");
    evidence.replaceChildren();
    document.getElementById("no-evidence").hidden = incident.evidence.length > 0;
    for (const probe of incident.evidence) {
      const row = document.createElement("tr");
      row.dataset.probe = probe.probeId;
      cell(row, time(probe.startedAt));
      cell(row, probe.region);
      cell(row, "").appendChild(badge("outcome", probe.outcome));
      cell(row, probe.httpStatus === null ? "–" : String(probe.httpStatus));
      cell(row, probe.errorCode || "–");
      cell(row, probe.requestId || "–", "request-id");
      cell(row, probe.message || "–", "message");
      cell(row, probe.probeId, "probe-id");
      evidence.appendChild(row);
    }
  }

  async function refresh() {
    const updated = document.getElementById("updated");
    const response = await fetch("/api/v1/dashboard/incidents/" + encodeURIComponent(alertId), { cache: "no-store" });
    if (response.status === 404) {
      const missing = document.getElementById("missing");
      missing.hidden = false;
      missing.textContent = (await response.json()).error;
      updated.textContent = "updated " + new Date().toLocaleTimeString();
      return;
    }
    if (!response.ok) {
      throw new Error("HTTP " + response.status);
    }
    render(await response.json());
    updated.textContent = "updated " + new Date().toLocaleTimeString();
  }

  function refreshNoting() {
    refresh().catch((error) => {
      document.getElementById("updated").textContent = "cannot load the incident: " + error.message;
    });
  }

  refreshNoting();
  setInterval(refreshNoting, REFRESH_MS);
})();
