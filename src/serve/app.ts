/**
 * The review app's script, loaded (after the page script) by the pages
 * `argmap review serve` renders. It adds a toolbar and keyboard shortcuts
 * to the static page: set the selected unit's role, link it to another unit
 * (pick the type, then click the target; or drag its node onto the target's
 * and press the type's key), accept the machine's reading,
 * undo, redo, next in the queue. Each action is POSTed to the server, which
 * writes the sidecar and answers; the page then reloads, drawn from the
 * corrected map, with the unit still selected. DOM built with text nodes
 * only, like the page script.
 */
export const APP_SCRIPT_FILE = 'argmap-app.js'

export const APP_SCRIPT = `(function () {
  var api = location.pathname.replace(/\\/doc\\/([^/]*)$/, '/api/doc/$1');
  var data = JSON.parse(document.getElementById('argmap-data').textContent);
  var types = (document.body.getAttribute('data-relation-types') || 'support attack').split(' ');
  var linking = null;
  function selectedId() {
    var e = document.querySelector('#text .u.sel');
    return e ? e.getAttribute('data-id') : null;
  }
  function el(tag, txt, attrs) {
    var e = document.createElement(tag);
    if (txt !== undefined) e.textContent = txt;
    for (var k in attrs || {}) e.setAttribute(k, attrs[k]);
    return e;
  }
  var bar = el('div', undefined, { id: 'app-bar', role: 'toolbar' });
  var status = el('span', '', { id: 'app-status', 'aria-live': 'polite' });
  function say(s, bad) { status.textContent = s; status.className = bad ? 'bad' : ''; }
  function button(label, key, fn) {
    var b = el('button', label + (key ? ' (' + key + ')' : ''), { type: 'button', 'data-action': label });
    b.addEventListener('click', function (ev) { ev.stopPropagation(); fn(); });
    bar.appendChild(b);
    return b;
  }
  function send(body) {
    var keep = body.id || body.from || selectedId();
    say('saving\\u2026');
    return fetch(api, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
      .then(function (r) { return r.json().then(function (j) { return { ok: r.ok, j: j }; }); })
      .then(function (res) {
        if (!res.ok) { say(res.j.error || 'refused', true); return; }
        location.hash = keep ? 'u=' + encodeURIComponent(keep) : '';
        location.reload();
      }, function (e) { say(String(e), true); });
  }
  function need(fn) {
    return function () {
      var id = selectedId();
      if (!id) { say('select a unit first (click it)', true); return; }
      fn(id);
    };
  }
  var roles = [['conclusion', '1'], ['claim', '2'], ['premise', '3'], ['none', '0']];
  var keys = {};
  roles.forEach(function (r) {
    var f = need(function (id) { send({ op: 'role', id: id, role: r[0] }); });
    button(r[0], r[1], f);
    keys[r[1]] = f;
  });
  types.forEach(function (t) {
    var key = t.charAt(0);
    var f = need(function (id) { linking = { from: id, type: t }; say(t + ': click the unit it ' + t + 's (Esc cancels)'); });
    button(t + 's\\u2026', key, f);
    keys[key] = f;
  });
  var unlink = need(function (id) { send({ op: 'unlink', from: id }); });
  button('unlink', 'x', unlink); keys.x = unlink;
  var accept = need(function (id) { send({ op: 'accept', id: id }); });
  button('accept', 'y', accept); keys.y = accept;
  function undo() { send({ op: 'undo' }); }
  function redo() { send({ op: 'redo' }); }
  button('undo', 'u', undo); keys.u = undo;
  button('redo', 'U', redo); keys.U = redo;
  function step(d) {
    var items = [].slice.call(document.querySelectorAll('#queue li'));
    var cur = selectedId();
    var i = items.findIndex(function (e) { return e.getAttribute('data-id') === cur; });
    var next = items[Math.max(0, Math.min(items.length - 1, i + d))] || items[0];
    if (next) next.click();
  }
  button('next', 'j', function () { step(1); }); keys.j = function () { step(1); };
  button('previous', 'k', function () { step(-1); }); keys.k = function () { step(-1); };
  var nextDoc = el('a', 'next document (n)', { href: api.replace(/\\/api\\/doc\\/[^/]*$/, '/next') });
  bar.appendChild(nextDoc);
  keys.n = function () { location.href = nextDoc.getAttribute('href'); };
  bar.appendChild(status);
  document.body.insertBefore(bar, document.body.firstChild);
  document.addEventListener('click', function (ev) {
    if (!linking) return;
    var t = ev.target.closest && ev.target.closest('[data-id]');
    if (!t) return;
    ev.preventDefault(); ev.stopPropagation();
    var l = linking; linking = null;
    send({ op: 'link', from: l.from, to: t.getAttribute('data-id'), type: l.type });
  }, true);
  // drag a node onto another: then a key (or button) picks the relation type
  var dragFrom = null, dropped = null;
  document.addEventListener('mousedown', function (ev) {
    var n = ev.target.closest && ev.target.closest('#graph .node[data-id]');
    dragFrom = n && ev.button === 0 ? { id: n.getAttribute('data-id'), x: ev.clientX, y: ev.clientY } : null;
  }, true);
  document.addEventListener('mouseup', function (ev) {
    var d = dragFrom; dragFrom = null;
    if (!d || Math.abs(ev.clientX - d.x) + Math.abs(ev.clientY - d.y) < 8) return;
    var n = document.elementFromPoint(ev.clientX, ev.clientY);
    n = n && n.closest && n.closest('[data-id]');
    if (!n || n.getAttribute('data-id') === d.id) return;
    dropped = { from: d.id, to: n.getAttribute('data-id') };
    say('link ' + d.id + ' to ' + dropped.to + ': press ' + types.map(function (t) { return t.charAt(0) + ' (' + t + ')'; }).join(', ') + '; Esc cancels');
  }, true);
  document.addEventListener('keydown', function (ev) {
    if (dropped && !ev.ctrlKey && !ev.metaKey && !ev.altKey) {
      var t = types.filter(function (x) { return x.charAt(0) === ev.key; })[0];
      var l = dropped; dropped = null;
      ev.preventDefault(); ev.stopImmediatePropagation();
      if (t) send({ op: 'link', from: l.from, to: l.to, type: t }); else say('cancelled');
      return;
    }
  }, true);
  document.addEventListener('keydown', function (ev) {
    if (ev.ctrlKey || ev.metaKey || ev.altKey) {
      if ((ev.key === 'z' || ev.key === 'Z') && !ev.shiftKey) { ev.preventDefault(); undo(); }
      else if (ev.key === 'y' || ((ev.key === 'z' || ev.key === 'Z') && ev.shiftKey)) { ev.preventDefault(); redo(); }
      return;
    }
    if (ev.key === 'Escape' && linking) { linking = null; say('cancelled'); return; }
    var f = keys[ev.key];
    if (f) { ev.preventDefault(); f(); }
  });
  var m = /^#u=(.+)$/.exec(location.hash);
  var want = m ? decodeURIComponent(m[1]) : null;
  var first = want && document.querySelector('#text [data-id="' + CSS.escape(want) + '"]');
  if (first) first.click();
  say(data.units.filter(function (u) { return u.reviewed; }).length + ' of ' + data.units.length + ' units reviewed');
})();`

export const APP_STYLE =
  '#app-bar{display:flex;flex-wrap:wrap;gap:4px;align-items:center;padding:6px 18px;border-bottom:1px solid var(--line);background:#f1f3f5;position:sticky;top:0;z-index:5}' +
  '#app-bar button{font-size:12.5px;padding:2px 8px;border:1px solid #ced4da;border-radius:4px;background:#fff;cursor:pointer}' +
  '#app-bar a{font-size:12.5px;margin-left:8px}#app-status{margin-left:12px;font-size:12.5px;color:#495057}#app-status.bad{color:var(--attack)}'
