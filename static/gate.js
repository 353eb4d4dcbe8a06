// The under-attack gate: sends the form as soon as the proof of work is solved, so the
// visitor has nothing to click.
const widget = document.querySelector('#gate-form altcha-widget');
if (widget) {
  widget.addEventListener('statechange', (event) => {
    if (event.detail && event.detail.state === 'verified') {
      document.getElementById('gate-form').requestSubmit();
    }
  });
}
