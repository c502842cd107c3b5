namespace KnovvuOrleans.Demo.Progress;

/// <summary>
/// The operator page: one panel per tenant, a row per flow with its total, its rate per minute over the last 30 s,
/// a chart of the last five minutes (inline SVG) and what the figure means. Plain HTML and script, nothing fetched
/// from elsewhere, so it works offline.
/// </summary>
public static class OperatorPage
{
    public const string Html = """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>KnovvuOrleans demo: operator page</title>
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <style>
          body{font-family:system-ui,sans-serif;margin:16px 24px;color:#1d2733;background:#f6f8fa}
          h1{font-size:20px;margin:0 0 4px} header p{margin:2px 0;color:#4a5663;font-size:13px}
          nav a{margin-right:14px} #tenants{display:grid;grid-template-columns:repeat(auto-fit,minmax(560px,1fr));gap:16px;margin-top:12px}
          section{background:#fff;border:1px solid #d8dee4;border-radius:8px;padding:10px 14px}
          h2{font-size:17px;margin:4px 0 8px} table{border-collapse:collapse;width:100%;font-size:13px}
          th{text-align:left;color:#57606a;font-weight:600;border-bottom:1px solid #d8dee4;padding:3px 6px}
          td{padding:3px 6px;border-bottom:1px solid #eef1f4;vertical-align:middle}
          td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap} td.what{color:#57606a;font-size:12px}
          tr.bad td.num.total{color:#b42318;font-weight:600} svg{display:block}
          .err{margin-top:6px;font-size:12px;color:#b42318} .ok{margin-top:6px;font-size:12px;color:#1a7f37}
        </style></head>
        <body>
        <header><h1>KnovvuOrleans demo: operator page</h1>
        <p>Every flow of each tenant: its total, its rate per minute (last 30 s) and a chart of the last five minutes.
        Figures are read where they show: the gateway's answers, the simulators, the Kafka topics, the object store.
        Updated every 2 s; <span id="updated">waiting for the first figures</span>.</p>
        <nav id="links"></nav></header>
        <div id="tenants"></div>
        <script>
        const flows = [
          ["conversationsIn", "sessions in", "VA sessions the ingest API recorded"],
          ["sentToCa", "sent to CA", "chats Knovvu Analytics (the CA simulator) holds"],
          ["caFailures", "CA failures", "requests CA refused or failed (retried at the next run)", true],
          ["caBacklog", "CA backlog", "sessions waiting for the next run of the CA job (parked until then)", true, true],
          ["eventsOut", "events out", "Data Feeder events read back from the tenant's Kafka topic"],
          ["eventLagSeconds", "event lag (s)", "seconds from an event's append to the topic to its read", false, true],
          ["reportsBuilt", "reports built", "hourly report chunks in the object store"],
          ["genesysCallsEnded", "Genesys calls ended", "calls an agent of the tenant ended in Genesys Cloud"],
          ["genesysCallsImported", "Genesys calls imported", "calls imported: details, audio in the object store, log"],
          ["genesysBacklog", "Genesys backlog", "calls ended but not imported yet", true, true],
          ["errors", "errors", "demo requests that failed and Kafka read errors (latest below)", true],
        ];
        const esc = s => String(s).replace(/[&<>"]/g, c => ({"&":"&amp;","<":"&lt;",">":"&gt;","\"":"&quot;"}[c]));
        function chart(values) {
          const w = 150, h = 28, max = Math.max(1, ...values);
          const step = values.length > 1 ? w / (values.length - 1) : w;
          const pts = values.map((v, i) => `${(i * step).toFixed(1)},${(h - 2 - (v / max) * (h - 4)).toFixed(1)}`).join(" ");
          return `<svg width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" role="img" aria-label="last five minutes">` +
            `<polyline fill="none" stroke="#0969da" stroke-width="1.5" points="${pts}"/></svg>`;
        }
        function render(data) {
          document.getElementById("links").innerHTML = Object.entries(data.links)
            .map(([name, url]) => `<a href="${esc(url)}">${esc(name)}</a>`).join("");
          const history = data.history;
          const html = data.tenants.map(t => {
            const series = history.map(s => s.tenants.find(x => x.tenant === t.tenant) || {});
            const back = history.filter(s => Date.parse(data.at) - Date.parse(s.at) >= 30000).pop() || history[0];
            const then = back ? (back.tenants.find(x => x.tenant === t.tenant) || {}) : {};
            const minutes = back ? (Date.parse(data.at) - Date.parse(back.at)) / 60000 : 0;
            const rows = flows.map(([key, label, what, badWhenAboveZero, isGauge]) => {
              const total = t[key] ?? null;
              const values = series.map(s => s[key] ?? 0);
              const plotted = isGauge || badWhenAboveZero ? values : values.slice(1).map((v, i) => Math.max(0, v - values[i]));
              const rate = isGauge || total === null || minutes <= 0 ? "" : ((total - (then[key] ?? 0)) / minutes).toFixed(1);
              const shown = total === null ? "n/a" : (Number.isInteger(total) ? total : Number(total).toFixed(2));
              const bad = badWhenAboveZero && total > 0 ? " class=\"bad\"" : "";
              return `<tr${bad}><td>${label}</td><td class="num total" data-tenant="${esc(t.tenant)}" data-flow="${key}">${shown}</td>` +
                `<td class="num">${rate}</td><td>${chart(plotted)}</td><td class="what">${what}</td></tr>`;
            }).join("");
            const error = t.lastError ? `<div class="err">latest error: ${esc(t.lastError)}</div>` : `<div class="ok">no errors</div>`;
            return `<section data-tenant="${esc(t.tenant)}"><h2>${esc(t.tenant)}</h2><table><tr><th>flow</th><th>total</th>` +
              `<th>per min</th><th>last 5 min</th><th>meaning</th></tr>${rows}</table>${error}</section>`;
          }).join("");
          document.getElementById("tenants").innerHTML = html;
          document.getElementById("updated").textContent = "last at " + new Date(data.at).toLocaleTimeString();
        }
        async function refresh() {
          try {
            const response = await fetch("/demo/status", {cache: "no-store"});
            render(await response.json());
          } catch (e) {
            document.getElementById("updated").textContent = "the demo does not answer (" + e.message + ")";
          }
        }
        refresh();
        setInterval(refresh, 2000);
        </script>
        </body></html>
        """;
}
