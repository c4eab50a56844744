/**
 * The page's only script (inline, no dependencies): hovering or selecting a
 * unit in the text, the graph or the queue highlights it in all three and
 * fills the details panel from the embedded data.
 */
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
  function show(id) {
    var u = byId[id];
    var box = document.getElementById('details');
    if (!u) { box.innerHTML = '<p class="hint">Hover or select a unit in the text, the graph or the queue.</p>'; return; }
    var h = '<p><span class="chip r-' + u.role + '">' + u.role + '</span> confidence <b>' + u.confidence + '</b>' +
      (u.confidence < data.low ? ' <span class="lowtag">low</span>' : '') +
      (u.reviewed ? ' <span class="revtag">\\u2713 reviewed</span>' : '') +
      (u.flagged ? ' <span class="flagtag">\\u2691 check again</span>' : '') + '</p>';
    h += '<blockquote></blockquote>';
    if (u.rel) {
      h += '<p>' + u.rel.type + 's <a href="#" data-go="' + u.rel.to + '"></a> (confidence ' + u.rel.confidence + (u.rel.reviewed ? ', reviewed' : '') + ')</p>';
    }
    h += '<p class="sig">signals: ' + (u.signals.length ? '' : 'none') + '</p><p class="uid"></p>';
    box.innerHTML = h;
    box.querySelector('blockquote').textContent = textOf(u.id);
    if (u.rel) box.querySelector('[data-go]').textContent = text(textOf(u.rel.to), 90);
    box.querySelector('.sig').textContent = 'signals: ' + (u.signals.length ? u.signals.join(', ') : 'none');
    box.querySelector('.uid').textContent = 'id: ' + u.id;
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
