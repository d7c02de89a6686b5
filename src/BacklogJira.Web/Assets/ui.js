// backlog-jira UI: the only script. Pages work without it; with it, a page marked data-live refreshes its content when
// a pair changes (server-sent events from /events), unless the user is in the middle of a form.
(() => {
  const main = document.querySelector('main[data-live]');
  if (!main || !window.EventSource) return;
  const status = document.createElement('p');
  status.id = 'live-status';
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');
  document.body.append(status);
  let pending = false;
  // A user in the middle of a form keeps it: checked before the fetch and again before the swap (a choice made while
  // the fetch was under way must not be wiped by it).
  const editing = () => main.querySelector('input:focus, select:focus, textarea:focus')
    || [...main.querySelectorAll('input[type=radio]:checked')].some(r => r.value !== 'leave');
  const hold = () => { pending = true; status.textContent = 'Changed elsewhere: reload to see it.'; };
  const refresh = async () => {
    if (editing()) { hold(); return; }
    const response = await fetch(location.href, { credentials: 'same-origin' });
    if (!response.ok) return;
    const fresh = new DOMParser().parseFromString(await response.text(), 'text/html').querySelector('main');
    if (!fresh) return;
    if (editing()) { hold(); return; }
    main.innerHTML = fresh.innerHTML;
    pending = false;
    status.textContent = 'Updated ' + new Date().toLocaleTimeString();
    document.dispatchEvent(new CustomEvent('backlog-jira:updated'));
  };
  const events = new EventSource(main.dataset.live);
  events.addEventListener('changed', () => { refresh().catch(() => {}); });
  document.addEventListener('focusout', () => { if (pending) setTimeout(() => { if (pending) refresh().catch(() => {}); }, 0); });
})();
