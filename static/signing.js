// Lets the proof-of-work widget run under our Content-Security-Policy: its worker comes
// from our own files (no blob: worker), and nothing leaves the browser but the payload.
const widget = document.querySelector('altcha-widget');
if (widget && globalThis.$altcha) {
  const worker = widget.dataset.worker;
  globalThis.$altcha.algorithms.set('SHA-256', () => new Worker(worker));
  globalThis.$altcha.defaults.set({ hideFooter: true, hideLogo: true, humanInteractionSignature: false });
}
