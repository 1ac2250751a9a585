// Saves a star rating through the JSON API as soon as it is chosen, without reloading the page.
// Without this script the widget's form posts as usual; with it, the Save button stays as a fallback.
(() => {
  async function save(form, value) {
    const status = form.querySelector('.rating-status');
    status.textContent = 'Saving…';
    const saved = await window.movieRecApi.send(form, status, 'PUT', `/api/ratings/${form.dataset.movieId}`, { rating: Number(value) });
    if (!saved) return;
    status.textContent = `Saved: ${Number(value).toFixed(1)}`;
    if (saved.onWatchList) offerWatchListRemoval(form);
    // The first-steps flow (onboarding.js) listens to refresh the picks and the progress count.
    document.dispatchEvent(new CustomEvent('movierec:rated', { detail: { movieId: Number(form.dataset.movieId), rating: Number(value) } }));
  }

  // A rated movie has usually been watched: offer to take it off the watch-list, once per widget.
  function offerWatchListRemoval(form) {
    if (form.parentElement.querySelector(`.watchlist-offer[data-watchlist-offer="${form.dataset.movieId}"]`)) return;
    const title = form.querySelector('legend')?.textContent.replace(/^Your rating of /, '') ?? 'This movie';
    const offer = document.createElement('div');
    offer.className = 'watchlist-offer mt-2 flex flex-wrap items-center gap-2 rounded bg-amber-100 p-3 text-sm';
    offer.dataset.watchlistOffer = form.dataset.movieId;
    offer.setAttribute('role', 'status');
    const text = document.createElement('span');
    text.textContent = `You rated ${title}, which is on your watch-list.`;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'btn-secondary text-sm';
    button.textContent = 'Remove it from the watch-list';
    button.addEventListener('click', async () => {
      if (!await window.movieRecApi.send(form, text, 'DELETE', `/api/me/watchlist/${form.dataset.movieId}`)) return;
      text.textContent = `${title} is off your watch-list.`;
      button.remove();
      // The card's own watch-list button says so too, and a watch-list page drops the card.
      const card = form.closest('[data-movie-card]');
      const listForm = card?.querySelector('form[data-list="watchlist"]');
      if (listForm) {
        listForm.dataset.onList = 'false';
        const listButton = listForm.querySelector('button');
        listButton.textContent = 'Add to watch-list';
        listButton.setAttribute('aria-label', `Add to watch-list: ${title}`);
      }
    });
    offer.append(text, button);
    form.after(offer);
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
