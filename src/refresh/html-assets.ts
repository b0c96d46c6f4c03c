/** The report page's inline style and script (the page loads nothing else; its CSP forbids it). */

export const CSS = `
:root{--ink:#1d2433;--muted:#5b6478;--line:#d9dee8;--bg:#f6f7fa;--accent:#2457c5;--bad:#c62828;--warn:#b26a00;--ok:#2e7d32}
*{box-sizing:border-box}
body{margin:0;font:14px/1.5 system-ui,-apple-system,"Noto Sans CJK SC","Noto Sans SC","PingFang SC","Microsoft YaHei",sans-serif;color:var(--ink);background:var(--bg)}
header,main{max-width:1200px;margin:0 auto;padding:0 20px}
header h1{font-size:22px;margin:20px 0 4px}
.outcome{margin:0 0 12px;color:var(--muted)}.outcome b{color:var(--ink)}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(200px,1fr));gap:12px;margin:12px 0}
.card{background:#fff;border:1px solid var(--line);border-radius:8px;padding:10px 14px}
.card h2{font-size:13px;color:var(--muted);margin:0 0 4px;font-weight:600}
.card .n{font-size:24px;font-weight:700}.card .sub{color:var(--muted);font-size:13px}
nav{position:sticky;top:0;z-index:2;background:var(--bg);border-bottom:1px solid var(--line);padding:8px 20px;display:flex;gap:14px;align-items:center;flex-wrap:wrap}
nav a{color:var(--accent);text-decoration:none}
#q{flex:1;min-width:220px;max-width:420px;padding:6px 10px;border:1px solid var(--line);border-radius:6px;font:inherit}
#shown{color:var(--muted);font-size:13px}
section{margin:24px 0;scroll-margin-top:56px}
.doc,details.chart{scroll-margin-top:56px}
section>h2{font-size:18px;border-bottom:2px solid var(--line);padding-bottom:4px}
details{background:#fff;border:1px solid var(--line);border-radius:8px;margin:8px 0;padding:6px 12px}
summary{cursor:pointer;font-weight:600}
table{border-collapse:collapse;width:100%;margin:6px 0}
th,td{text-align:left;padding:4px 8px;border-bottom:1px solid var(--line);vertical-align:top}
th{font-size:12px;color:var(--muted);font-weight:600}
td.num{text-align:right;width:4em}
.aka{color:var(--muted);font-size:12px}
.tag{display:inline-block;font-size:11px;border-radius:4px;padding:0 5px;margin-right:4px;color:#fff;background:var(--muted)}
.tag.new{background:var(--bad)}.tag.cycle,.tag.unknown,.tag.self{background:var(--bad)}
.hidden{display:none!important}
.tree{overflow:auto;max-height:70vh;border-top:1px solid var(--line);margin-top:6px}
svg.org{display:block;font-size:12px}
svg.org .link{fill:none;stroke:#9aa5b8;stroke-width:1.2}
svg.org .back{fill:none;stroke:var(--bad);stroke-width:1.5;stroke-dasharray:5 3}
svg.org .node rect{fill:#fff;stroke:#7d8aa3}
svg.org .node text{fill:var(--ink)}
svg.org .node.cycle rect,svg.org .node.self rect{fill:#fdecea;stroke:var(--bad);stroke-width:2}
svg.org .node.unknown rect{fill:#fdecea;stroke:var(--bad);stroke-dasharray:4 3;stroke-width:2}
svg.org .node.external rect{fill:#f1f3f7;stroke-dasharray:4 3}
svg.org .node.hit rect{fill:#fff6c2;stroke:#c49a00;stroke-width:2}
svg.org.searching .node:not(.hit){opacity:.35}
.legend{display:flex;gap:14px;font-size:12px;color:var(--muted);margin:4px 0}
.legend i{display:inline-block;width:14px;height:10px;border:2px solid var(--bad);background:#fdecea;margin-right:4px;vertical-align:middle}
.legend i.dash{border-style:dashed}.legend i.ext{border:1px dashed #7d8aa3;background:#f1f3f7}
ul.warn{margin:4px 0;padding-left:20px}ul.warn li{margin:3px 0}
.diff ins{background:#d8f5dc;text-decoration:none}.diff del{background:#fbdada}
.diff .add{color:var(--ok)}.diff .rm{color:var(--bad)}
.diff td:first-child{white-space:nowrap;color:var(--muted)}
.muted{color:var(--muted)}
tr.role:target{background:#fff6c2}
`;

/**
 * Search: every role row, document section, warning and tree node carries lower-case text in data-q; typing
 * hides rows that do not match, hides documents and charts left with none, and highlights matching tree nodes.
 */
export const SCRIPT = `
(function(){
  var q=document.getElementById('q'),shown=document.getElementById('shown');
  var rows=[].slice.call(document.querySelectorAll('tr.role'));
  var docs=[].slice.call(document.querySelectorAll('.doc'));
  var svgs=[].slice.call(document.querySelectorAll('svg.org'));
  var nodes=[].slice.call(document.querySelectorAll('svg.org .node'));
  var charts=[].slice.call(document.querySelectorAll('details.chart'));
  var total=rows.length,timer=0;
  function apply(){
    var terms=q.value.trim().toLowerCase().split(/\\s+/).filter(Boolean),n=0;
    function hit(el){var t=el.getAttribute('data-q')||'';for(var i=0;i<terms.length;i++)if(t.indexOf(terms[i])<0)return false;return true}
    rows.forEach(function(r){var ok=hit(r);r.classList.toggle('hidden',!ok);if(ok)n++});
    docs.forEach(function(d){d.classList.toggle('hidden',!d.querySelector('tr.role:not(.hidden)'))});
    nodes.forEach(function(g){g.classList.toggle('hit',terms.length>0&&hit(g))});
    svgs.forEach(function(s){s.classList.toggle('searching',terms.length>0)});
    charts.forEach(function(c){c.classList.toggle('hidden',terms.length>0&&!c.querySelector('.node.hit'))});
    shown.textContent=shown.getAttribute('data-label').replace('{n}',n).replace('{total}',total);
  }
  q.addEventListener('input',function(){clearTimeout(timer);timer=setTimeout(apply,120)});
  apply();
})();
`;
