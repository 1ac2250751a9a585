// Saves a star rating through the JSON API as soon as it is chosen, without reloading the page.
// Without this script the widget's form posts as usual; with it, the Save button stays as a fallback.
(() => {
  async function save(form, value) {
    const status = form.querySelector('.rating-status');
    status.textContent = 'Saving…';
    const saved = await window.movieRecApi.send(form, status, 'PUT', `/api/ratings/${form.dataset.movieId}`, { rating: Number(value) });
    if (saved) status.textContent = `Saved: ${Number(value).toFixed(1)}`;
  }

  // One save at a time per widget, and only the latest choice: arrow keys change the rating many
  // times a second, and parallel requests could land out of order and store an older value.
  const queues = new WeakMap();

  async function saveLatest(form, value) {
    let queue = queues.get(form);
    if (!queue) queues.set(form, queue = { busy: false, next: null });
    queue.next = value;
    if (queue.busy) return;
    queue.busy = true;
    while (queue.next !== null) {
      const latest = queue.next;
      queue.next = null;
      await save(form, latest);
    }
    queue.busy = false;
  }

  document.addEventListener('change', (event) => {
    const input = event.target;
    if (!(input instanceof HTMLInputElement) || input.name !== 'rating') return;
    const form = input.closest('form.rating-form');
    if (form) saveLatest(form, input.value);
  });
})();
