/** The page's stylesheet (inline; system fonts only, nothing fetched). */
export const STYLE = `
:root{--conclusion:#6f2dbd;--conclusion-bg:#eadcff;--claim:#1c5fb8;--claim-bg:#d8e6ff;--premise:#1b7a35;--premise-bg:#d6f0dc;
--support:#2b8a3e;--attack:#c92a2a;--hl:#f08c00;--muted:#868e96;--line:#dee2e6}
*{box-sizing:border-box}
body{margin:0;font:15px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:#212529;background:#fff}
header{padding:10px 18px;border-bottom:1px solid var(--line);display:flex;flex-wrap:wrap;gap:6px 22px;align-items:baseline}
header h1{font-size:17px;margin:0}
header .src{color:var(--muted);font-size:13px}
header a{color:var(--claim)}
.legend{display:flex;flex-wrap:wrap;gap:6px 12px;font-size:12.5px;align-items:center;padding:6px 18px;border-bottom:1px solid var(--line);background:#f8f9fa}
.legend svg{vertical-align:middle}
.chip{display:inline-block;padding:0 6px;border-radius:4px;font-size:12px;line-height:18px}
.chip.r-conclusion{background:var(--conclusion-bg);color:var(--conclusion);font-weight:600}
.chip.r-claim{background:var(--claim-bg);color:var(--claim)}
.chip.r-premise{background:var(--premise-bg);color:var(--premise)}
.chip.r-none{border:1px solid var(--line);color:var(--muted)}
.chip.low{border:1.5px dashed #495057}
main{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1.35fr);gap:0;align-items:start}
#text{padding:8px 22px 40px;border-right:1px solid var(--line);max-width:52em}
#text h1,#text h2,#text h3,#text h4,#text h5,#text h6{line-height:1.3;margin:1em 0 .5em}
#text p{margin:0 0 .9em}
#text pre,#text .src{white-space:pre-wrap;font:inherit;margin:0 0 .9em}
#text pre.code{font:13px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:#f8f9fa;padding:8px;border-radius:4px}
#text pre.raw{color:var(--muted);font-size:13px}
.md{color:#adb5bd}
.u{border-radius:3px;padding:1px 0;cursor:pointer;-webkit-box-decoration-break:clone;box-decoration-break:clone}
.u.r-conclusion{background:var(--conclusion-bg);box-shadow:inset 0 -2px 0 var(--conclusion);font-weight:600}
.u.r-claim{background:var(--claim-bg);box-shadow:inset 0 -2px 0 var(--claim)}
.u.r-premise{background:var(--premise-bg);box-shadow:inset 0 -2px 0 var(--premise)}
.u.r-none{color:#495057}
.u.low{text-decoration:underline dashed #495057 1px;text-underline-offset:3px}
.u.reviewed::after{content:"\\2713";font-size:11px;font-weight:700;color:#fff;background:#212529;border-radius:7px;padding:0 3px;margin-left:2px;vertical-align:super}
.u.flagged::after{content:"\\2691";color:#fff;background:var(--hl)}
.u.hl,.u.sel{outline:2px solid var(--hl);outline-offset:1px}
.u.sel{background:#ffe8cc}
aside{position:sticky;top:0;max-height:100vh;display:flex;flex-direction:column;min-width:0}
#graph{flex:none;overflow:auto;max-height:60vh;border-bottom:1px solid var(--line);background:#fcfcfd}
#graph svg{display:block;margin:0 auto}
#graph svg.fit{max-width:100%;height:auto}
#graph{position:relative;cursor:grab}
#graph-tools{position:sticky;left:6px;top:6px;z-index:1;display:inline-flex;gap:4px;margin:6px}
#graph-tools button{font-size:12px;padding:1px 8px;border:1px solid var(--line);border-radius:4px;background:#fff;cursor:pointer}
#graph .gone{display:none}
.node.chain rect{stroke:var(--hl);stroke-width:3}
.edge.chain{stroke:var(--hl);stroke-width:2.6;stroke-opacity:1}
.node rect{stroke-width:1.5}
.node text{font-size:11px;fill:#212529;pointer-events:none}
.node{cursor:pointer}
.node.r-conclusion rect{fill:var(--conclusion-bg);stroke:var(--conclusion);stroke-width:2.5}
.node.r-claim rect{fill:var(--claim-bg);stroke:var(--claim)}
.node.r-premise rect{fill:var(--premise-bg);stroke:var(--premise)}
.node.low rect{stroke-dasharray:5 3}
.node.reviewed rect{stroke:#212529;stroke-width:2.5}
.node .badge{font-size:11px;font-weight:700;fill:#212529}
.node.flagged rect{stroke:var(--hl);stroke-width:2.5}
.node.hl rect,.node.sel rect{stroke:var(--hl);stroke-width:4}
.edge{fill:none;stroke-width:1.6}
.edge.support{stroke:var(--support)}
.edge.attack{stroke:var(--attack);stroke-dasharray:6 4}
.edge.low{stroke-opacity:.55}
.edge.reviewed{stroke-width:2.6}
.edge.hl,.edge.sel{stroke:var(--hl);stroke-width:3;stroke-opacity:1}
.mk-support{fill:var(--support)}
.mk-attack{fill:var(--attack)}
#details{flex:none;padding:8px 14px;font-size:13.5px;border-bottom:1px solid var(--line);height:11em;overflow:auto}
#details p{margin:.3em 0}
#details blockquote{margin:.3em 0;padding-left:8px;border-left:3px solid var(--line);color:#343a40}
#details .sig,#details .uid{color:var(--muted);font-size:12px;word-break:break-word}
.hint{color:var(--muted)}
.lowtag{color:#fff;background:#495057;border-radius:3px;padding:0 4px;font-size:11px}
.revtag{color:#fff;background:#212529;border-radius:3px;padding:0 4px;font-size:11px}
.flagtag{color:#fff;background:var(--hl);border-radius:3px;padding:0 4px;font-size:11px}
#queue-box{padding:6px 14px 12px;overflow:auto;flex:1;min-height:8em}
#queue-box h2{font-size:13px;margin:4px 0;text-transform:uppercase;letter-spacing:.04em;color:#495057}
#queue{list-style:none;margin:0;padding:0;font-size:12.5px}
#queue li{display:flex;gap:6px;padding:2px 4px;border-radius:3px;cursor:pointer;white-space:nowrap;overflow:hidden}
#queue li .t{overflow:hidden;text-overflow:ellipsis}
#queue li .c{font-variant-numeric:tabular-nums;color:#495057;min-width:2.6em}
#queue li.reviewed{opacity:.6}
#queue li.hl,#queue li.sel{background:#ffe8cc}
.notes{margin:0;padding:6px 18px;background:#fff4e6;border-bottom:1px solid #ffd8a8;font-size:13px}
table.docs{border-collapse:collapse;margin:14px 18px;font-size:14px}
table.docs th,table.docs td{border-bottom:1px solid var(--line);padding:6px 10px;text-align:left;vertical-align:top}
table.docs td.n{text-align:right;font-variant-numeric:tabular-nums}
table.docs .concl{max-width:36em}
`
