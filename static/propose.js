// The proposal form's suggestions: while the title is typed, petitions already on the site
// that may ask the same are listed under it, so that the author can sign one of them
// instead. Without script the server shows the same list before the form is sent.
const live = document.querySelector('#similar-live');
const title = document.querySelector('#title');
if (live && title) {
  let timer = 0;
  let asked = '';
  const show = (petitions) => {
    live.replaceChildren();
    live.hidden = petitions.length === 0;
    if (!petitions.length) return;
    const intro = document.createElement('p');
    intro.textContent = live.dataset.similarTitle;
    const list = document.createElement('ul');
    for (const petition of petitions) {
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.href = petition.url;
      link.textContent = petition.title;
      item.append(link, ` · ${petition.signatures}`);
      list.append(item);
    }
    live.append(intro, list);
  };
  const ask = async () => {
    const typed = title.value.trim();
    if (typed === asked) return;
    asked = typed;
    if (typed.length < 4) return show([]);
    try {
      const response = await fetch(`${live.dataset.similarUrl}?q=${encodeURIComponent(typed)}`);
      if (response.ok && title.value.trim() === typed) show((await response.json()).petitions);
    } catch {
      // No suggestion is no harm: the server lists close petitions before sending anyway.
    }
  };
  title.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(ask, 400);
  });
}
