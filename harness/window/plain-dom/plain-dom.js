// The plain-DOM page the window's render figure is a ratio to: it receives a state the way the
// window does (a structured clone of the whole state, as Electron's IPC delivers it) and builds
// one <li> per call with the row's visible texts by document.createElement, nothing else.
// `window.__evoTest` has the fake bridge's push/state, so harness/window/measure-render.ts
// times both pages with the same code.
(() => {
  let state = { sessions: [] };
  const two = (n) => String(n).padStart(2, '0');
  const elapsed = (since, now) => {
    const s = Math.max(0, Math.floor((now - Date.parse(since)) / 1000));
    const h = Math.floor(s / 3600);
    const m = Math.floor((s % 3600) / 60);
    return h > 0 ? `${h}:${two(m)}:${two(s % 60)}` : `${m}:${two(s % 60)}`;
  };
  const span = (cls, text) => {
    const el = document.createElement('span');
    el.className = cls;
    el.textContent = text;
    return el;
  };
  const show = (copy) => {
    const list = document.querySelector('ul');
    const now = Date.now();
    const rows = document.createDocumentFragment();
    for (const s of copy.sessions) {
      const li = document.createElement('li');
      li.className = 'call-row';
      const a = document.createElement('a');
      a.href = `#/sessions/${encodeURIComponent(s.id)}`;
      const caller = s.fromName ? `${s.fromName} (${s.fromAddress ?? ''})` : (s.fromAddress ?? '');
      const meta = [s.endpointName, s.customerName, s.holdQueueName].filter(Boolean).join(' · ');
      a.append(
        span('caller', caller),
        span('badge', s.callState ?? s.queueState ?? ''),
        span('call-meta', meta),
        span('elapsed', s.dateCreated ? elapsed(s.dateCreated, now) : ''),
      );
      li.append(a);
      rows.append(li);
    }
    list.replaceChildren(rows);
    document.querySelector('.group-count').textContent = String(copy.sessions.length);
  };
  window.__evoTest = {
    push(next) {
      state = next;
      show(structuredClone(state));
    },
    state: () => structuredClone(state),
  };
})();
