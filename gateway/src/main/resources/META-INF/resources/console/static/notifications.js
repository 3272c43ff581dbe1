// The unread count in the header: the console's own route answers it from the caller's feed (metrics-service).
(function () {
  var badge = document.getElementById('unread-count');
  if (!badge || !window.fetch) {
    return;
  }
  fetch(badge.getAttribute('data-src'), {credentials: 'same-origin', headers: {'Accept': 'text/plain'}})
    .then(function (r) { return r.ok ? r.text() : ''; })
    .then(function (n) { if (n && n !== '0') { badge.textContent = n; badge.className = 'unread shown'; } })
    .catch(function () { /* no count: the link still leads to the feed */ });
})();
