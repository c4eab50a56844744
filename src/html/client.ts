/**
 * The page's only script (no dependencies), written once beside the pages as
 * `argmap-page.js` and loaded by `<script src>`: the pages hold no inline
 * script and no handler attribute, and their CSP allows scripts from 'self'
 * only. Hovering or selecting a unit in the text, the graph or the queue
 * highlights it in all three and fills the details panel from the embedded
 * data. Every value reaches the DOM as a text node or through
 * setAttribute, never as markup.
 */
export const PAGE_SCRIPT_FILE = 'argmap-page.js'

export const CLIENT_SCRIPT = `(function () {
  var data = JSON.parse(document.getElementById('argmap-data').textContent);
  var byId = {};
  data.units.forEach(function (u) { byId[u.id] = u; });
  var selected = null;
  function els(id) {
    return document.querySelectorAll('[data-id="' + (window.CSS && CSS.escape ? CSS.escape(id) : id) + '"]');
  }
  function mark(id, cls, on) {
    if (!id) return;
    els(id).forEach(function (e) { e.classList.toggle(cls, on); });
    document.querySelectorAll('.edge').forEach(function (e) {
      if (e.getAttribute('data-from') === id) e.classList.toggle(cls, on);
    });
  }
  function textOf(id) {
    var e = document.querySelector('#text [data-id="' + (window.CSS && CSS.escape ? CSS.escape(id) : id) + '"]');
    return e ? e.textContent.replace(/\\s+/g, ' ').trim() : id;
  }
  function text(s, n) { return s.length > n ? s.slice(0, n - 1) + '\\u2026' : s; }
  function el(tag, cls, txt) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (txt !== undefined) e.textContent = String(txt);
    return e;
  }
  function show(id) {
    var u = byId[id];
    var box = document.getElementById('details');
    box.replaceChildren();
    if (!u) { box.appendChild(el('p', 'hint', 'Hover or select a unit in the text, the graph or the queue.')); return; }
    var head = el('p');
    head.append(el('span', 'chip r-' + u.role, u.role), ' confidence ', el('b', '', u.confidence));
    if (u.confidence < data.low) head.append(' ', el('span', 'lowtag', 'low'));
    if (u.reviewed) head.append(' ', el('span', 'revtag', '\u2713 reviewed'));
    if (u.flagged) head.append(' ', el('span', 'flagtag', '\u2691 check again'));
    box.appendChild(head);
    box.appendChild(el('blockquote', '', textOf(u.id)));
    if (u.rel) {
      var rel = el('p');
      var go = el('a', '', text(textOf(u.rel.to), 90));
      go.href = '#';
      go.setAttribute('data-go', u.rel.to);
      rel.append(u.rel.type + 's ', go, ' (confidence ' + u.rel.confidence + (u.rel.reviewed ? ', reviewed' : '') + ')');
      box.appendChild(rel);
    }
    box.appendChild(el('p', 'sig', 'signals: ' + (u.signals.length ? u.signals.join(', ') : 'none')));
    box.appendChild(el('p', 'uid', 'id: ' + u.id));
  }
  function hover(id) { document.querySelectorAll('.hl').forEach(function (e) { e.classList.remove('hl'); }); if (id) mark(id, 'hl', true); show(id || selected); }
  function select(id, from) {
    if (selected) mark(selected, 'sel', false);
    selected = id === selected ? null : id;
    if (selected) mark(selected, 'sel', true);
    show(selected);
    if (selected) els(selected).forEach(function (e) {
      if (e !== from && e.scrollIntoView) e.scrollIntoView({ block: 'nearest', inline: 'center' });
    });
  }
  function idOf(t) {
    while (t && t !== document) { if (t.getAttribute && t.getAttribute('data-id')) return t; t = t.parentNode; }
    return null;
  }
  document.addEventListener('mouseover', function (ev) { var e = idOf(ev.target); hover(e ? e.getAttribute('data-id') : null); });
  document.addEventListener('click', function (ev) {
    var go = ev.target.closest && ev.target.closest('[data-go]');
    if (go) { ev.preventDefault(); select(go.getAttribute('data-go'), null); return; }
    var e = idOf(ev.target);
    if (e) { ev.preventDefault(); select(e.getAttribute('data-id'), e); }
  });
  document.addEventListener('keydown', function (ev) {
    if (ev.key === 'Enter') { var e = idOf(ev.target); if (e) select(e.getAttribute('data-id'), e); }
    if (ev.key === 'Escape' && selected) select(selected, false);
  });
  var graph = document.getElementById('graph');
  var svg = document.getElementById('graph-svg');
  var full = svg ? svg.getAttribute('viewBox') : null;
  var kids = {};
  data.units.forEach(function (u) { if (u.rel) (kids[u.rel.to] = kids[u.rel.to] || []).push(u.id); });
  function q(sel, id) { return document.querySelectorAll(sel.replace('ID', window.CSS && CSS.escape ? CSS.escape(id) : id)); }
  /** The selected unit's chain up to its root (the thesis, when it is one), marked in the graph. */
  function chain(id) {
    document.querySelectorAll('#graph .chain').forEach(function (e) { e.classList.remove('chain'); });
    var seen = {};
    while (id && !seen[id]) {
      seen[id] = true;
      q('#graph .node[data-id="ID"]', id).forEach(function (e) { e.classList.add('chain'); });
      var u = byId[id];
      if (!u || !u.rel) break;
      q('#graph .edge[data-from="ID"]', id).forEach(function (e) { e.classList.add('chain'); });
      id = u.rel.to;
    }
    return seen;
  }
  var baseSelect = select;
  select = function (id, from) { baseSelect(id, from); chain(selected); };
  function fitTo(box) {
    if (!svg) return;
    svg.setAttribute('viewBox', box);
    svg.style.width = '';
    svg.classList.add('fit');
    if (fit) fit.textContent = 'actual size';
  }
  /** Focus: the selected unit's paragraph, everything under those units and their chains to the root; the rest collapsed. */
  function focus() {
    if (!svg || !selected || !byId[selected]) return;
    var keep = {};
    var para = byId[selected].p;
    var stack = data.units.filter(function (u) { return u.p === para; }).map(function (u) { return u.id; });
    stack.forEach(function (id) { var c = chain(id); for (var k in c) keep[k] = true; });
    while (stack.length) { var id = stack.pop(); keep[id] = true; (kids[id] || []).forEach(function (k) { if (!keep[k]) stack.push(k); }); }
    chain(selected);
    var x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    svg.querySelectorAll('.node').forEach(function (n) {
      var on = !!keep[n.getAttribute('data-id')];
      n.classList.toggle('gone', !on);
      if (!on) return;
      var b = n.getBBox(), m = n.transform.baseVal.consolidate().matrix;
      x0 = Math.min(x0, m.e + b.x); y0 = Math.min(y0, m.f + b.y); x1 = Math.max(x1, m.e + b.x + b.width); y1 = Math.max(y1, m.f + b.y + b.height);
    });
    svg.querySelectorAll('.edge').forEach(function (e) {
      e.classList.toggle('gone', !(keep[e.getAttribute('data-from')] && keep[e.getAttribute('data-to')]));
    });
    if (x0 < Infinity) fitTo((x0 - 12) + ' ' + (y0 - 12) + ' ' + (x1 - x0 + 24) + ' ' + (y1 - y0 + 24));
    graph.scrollTop = 0;
  }
  function showAll() {
    if (!svg) return;
    svg.querySelectorAll('.gone').forEach(function (e) { e.classList.remove('gone'); });
    fitTo(full);
  }
  function zoom(f) {
    if (!svg) return;
    var w = svg.getBoundingClientRect().width * f;
    svg.classList.remove('fit');
    svg.style.width = Math.max(80, w) + 'px';
    svg.style.height = 'auto';
    if (fit) fit.textContent = 'fit to panel';
  }
  var fit = document.getElementById('fit');
  function on(id, fn) { var e = document.getElementById(id); if (e) e.addEventListener('click', function (ev) { ev.stopPropagation(); fn(); }); }
  on('fit', function () {
    if (svg.classList.contains('fit')) { svg.classList.remove('fit'); svg.style.width = ''; fit.textContent = 'fit to panel'; }
    else fitTo(svg.getAttribute('viewBox'));
  });
  on('zoom-in', function () { zoom(1.25); });
  on('zoom-out', function () { zoom(0.8); });
  on('focus', focus);
  on('show-all', showAll);
  if (graph) {
    graph.addEventListener('wheel', function (ev) { if (ev.ctrlKey) { ev.preventDefault(); zoom(ev.deltaY < 0 ? 1.1 : 0.9); } }, { passive: false });
    var drag = null;
    graph.addEventListener('mousedown', function (ev) {
      if (idOf(ev.target) || (ev.target.closest && ev.target.closest('button'))) return;
      drag = { x: ev.clientX, y: ev.clientY, l: graph.scrollLeft, t: graph.scrollTop };
    });
    document.addEventListener('mousemove', function (ev) {
      if (!drag) return;
      graph.scrollLeft = drag.l - (ev.clientX - drag.x);
      graph.scrollTop = drag.t - (ev.clientY - drag.y);
    });
    document.addEventListener('mouseup', function () { drag = null; });
  }
  show(null);
})();`
