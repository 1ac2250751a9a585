// The retraining page: while a retrain runs, poll the status endpoint every two seconds and move
// the progress bar; when it has finished, reload the page so that the new run's figures show.
(() => {
  const now = document.querySelector('[data-section="now"]');
  if (!now || now.dataset.running !== 'true') return;
  const url = now.dataset.statusUrl;
  const progress = now.querySelector('[data-field="progress"]');
  const percent = now.querySelector('[data-field="percent"]');
  const phase = now.querySelector('[data-field="phase"]');

  async function poll() {
    try {
      const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
      if (!response.ok) return;
      const status = await response.json();
      if (!status.running) { window.location.reload(); return; }
      if (progress && status.percent !== null) { progress.value = status.percent; progress.textContent = `${status.percent} %`; }
      if (percent && status.percent !== null) percent.textContent = `${status.percent} %`;
      if (phase && status.phase) phase.textContent = status.phase;
    } catch {
      // The server did not answer this time; the next poll tries again.
    }
  }

  setInterval(poll, 2000);
})();
