// Saves a star rating through the JSON API as soon as it is chosen, without reloading the page.
// Without this script the widget's form posts as usual; with it, the Save button stays as a fallback.
(() => {
  const token = document.querySelector('meta[name="csrf-token"]')?.content;

  async function save(form, value) {
    const status = form.querySelector('.rating-status');
    status.textContent = 'Saving…';
    try {
      const response = await fetch(`/api/ratings/${form.dataset.movieId}`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-TOKEN': token ?? '' },
        body: JSON.stringify({ rating: Number(value) }),
        credentials: 'same-origin',
      });
      if (response.status === 401) { form.submit(); return; } // signed out: the form post leads to the login page
      if (!response.ok) {
        const problem = await response.json().catch(() => ({}));
        status.textContent = problem.detail ?? `Not saved (${response.status}).`;
        return;
      }
      status.textContent = `Saved: ${Number(value).toFixed(1)}`;
    } catch {
      status.textContent = 'Not saved: the server did not answer.';
    }
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
