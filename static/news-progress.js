// The news page follows a sending by itself: every five seconds it reads the page again and
// puts the new progress bars and states in place, leaving the form and what is typed in it
// alone. Without script the page says to reload it.
const items = () => document.querySelectorAll('.news-item[id]');
async function refresh() {
  try {
    const answer = await fetch(location.pathname, { credentials: 'same-origin', cache: 'no-store' });
    if (!answer.ok) return;
    const fresh = new DOMParser().parseFromString(await answer.text(), 'text/html');
    let sending = false;
    for (const item of items()) {
      const next = fresh.getElementById(item.id);
      if (!next) continue;
      for (const part of ['progress', '.news-progress', '.news-sending']) {
        const here = item.querySelector(part);
        const there = next.querySelector(part);
        if (here && there) here.replaceWith(there);
      }
      if (next.dataset.sending === 'true') sending = true;
    }
    if (sending) setTimeout(refresh, 5000);
  } catch {
    setTimeout(refresh, 15000);
  }
}
setTimeout(refresh, 5000);
