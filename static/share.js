// The share section's two buttons, shown only where the browser can do what they say: copy
// the petition's address, and open the phone's own share sheet (Web Share API). Without
// script the address stays in its field, ready to be selected.
for (const button of document.querySelectorAll('[data-copy]')) {
  if (!navigator.clipboard) continue;
  const field = document.querySelector(button.dataset.copy);
  const status = document.querySelector('.share-status');
  button.hidden = false;
  button.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(field.value);
      if (status) status.textContent = button.dataset.copied;
    } catch {
      field.select();
    }
  });
}
for (const button of document.querySelectorAll('[data-share-url]')) {
  if (!navigator.share) continue;
  button.hidden = false;
  button.addEventListener('click', () => {
    navigator.share({ title: document.title, url: button.dataset.shareUrl }).catch(() => {});
  });
}
