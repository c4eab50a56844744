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
  var top = document.querySelector('.node.r-conclusion') || document.querySelector('.node');
  var svg = document.getElementById('graph-svg');
  var fit = document.getElementById('fit');
  if (graph && top && svg) {
    var t = top.transform.baseVal.consolidate();
    if (t) graph.scrollLeft = Math.max(0, t.matrix.e - graph.clientWidth / 2);
  }
  if (fit && svg) fit.addEventListener('click', function () {
    var on = svg.classList.toggle('fit');
    fit.textContent = on ? 'actual size' : 'fit to panel';
  });
  show(null);
})();`
