// What the dashboard's scripts share: fetching JSON, table cells, and formats. Text goes in as
// textContent only, so names and messages can never become markup.
window.LlmDashboard = (function () {
  "use strict";

  async function json(url) {
    const response = await fetch(url, { cache: "no-store" });
    if (!response.ok) {
      throw new Error(url + ": HTTP " + response.status);
    }
    return response.json();
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

  function badge(prefix, label) {
    const span = document.createElement("span");
    span.className = prefix + " " + prefix + "-" + String(label).replace(/[^a-z0-9]+/gi, "-").toLowerCase();
    span.textContent = label;
    return span;
  }

  function percent(value) {
    return value === null || value === undefined ? "–" : (value * 100).toFixed(2) + " %";
  }

  function millis(p) {
    return p ? [p.p50, p.p95, p.p99].map((v) => Math.round(v)).join(" / ") + " ms" : "–";
  }

  function time(iso) {
    return iso ? new Date(iso).toLocaleString() : "–";
  }

  function duration(seconds) {
    const minutes = Math.round(seconds / 60);
    if (minutes < 1) {
      return Math.max(0, Math.round(seconds)) + " s";
    }
    if (minutes < 60) {
      return minutes + " min";
    }
    const hours = Math.floor(minutes / 60);
    return hours < 48 ? hours + " h " + (minutes % 60) + " min" : Math.floor(hours / 24) + " d " + (hours % 24) + " h";
  }

  // A prober waiting longer than the target's interval, in words; null once its time has passed.
  function backoffText(backoff, now) {
    if (!backoff || Date.parse(backoff.until) <= now) {
      return null;
    }
    const until = new Date(backoff.until);
    const at = until - now < 12 * 3600 * 1000 ? until.toLocaleTimeString() : until.toLocaleString();
    switch (backoff.reason) {
      case "retry-after": return "probing paused by Retry-After until " + at;
      case "rate-limit-reset": return "rate limit used up: probing paused until " + at;
      case "breaker": return "breaker open: next probe at " + at;
      default: return "backoff: " + backoff.reason + " until " + at;
    }
  }

  // The badge of a prober in backoff, or nothing when it does not wait (any more).
  function backoffBadge(parent, backoff) {
    const text = backoffText(backoff, Date.now());
    if (text !== null) {
      const span = badge("backoff", backoff.reason);
      span.textContent = text;
      span.title = "region " + backoff.region;
      parent.appendChild(span);
    }
    return parent;
  }

  return { json, cell, badge, percent, millis, time, duration, backoffText, backoffBadge };
})();
