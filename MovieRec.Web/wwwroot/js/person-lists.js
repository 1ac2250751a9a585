// The watch-list and "not interested" buttons: saved through /api/me/watchlist and /api/me/hidden
// without a reload. Without this script each button's form posts to the Watch-list page as usual.
(() => {
  const token = document.querySelector('meta[name="csrf-token"]')?.content;
  const label = (onList) => (onList ? 'Remove from watch-list' : 'Add to watch-list');

  async function change(form) {
    const buttons = form.closest('.list-buttons');
    const status = buttons.querySelector('.list-status');
    const list = form.dataset.list;
    const add = form.dataset.onList !== 'true';
    const title = form.querySelector('button').getAttribute('aria-label').replace(/^[^:]*: /, '');
    status.textContent = 'Saving…';
    try {
      const response = await fetch(`/api/me/${list}/${buttons.dataset.movieId}`, {
        method: add ? 'PUT' : 'DELETE',
        headers: { 'X-CSRF-TOKEN': token ?? '' },
        credentials: 'same-origin',
      });
      if (response.status === 401) { form.submit(); return; } // signed out: the form post leads to the login page
      if (!response.ok) {
        const problem = await response.json().catch(() => ({}));
        status.textContent = problem.detail ?? `Not saved (${response.status}).`;
        return;
      }
      const card = form.closest('[data-movie-card]');
      if (list === 'hidden') {
        // A hidden movie leaves the list it was offered in; the status region outside it says so.
        announce(`${title} hidden: it will not be offered to you again.`);
        card?.remove();
        return;
      }
      if (!add && card?.closest('[data-section="watchlist"]')) {
        announce(`${title} removed from your watch-list.`);
        card.remove();
        return;
      }
      form.dataset.onList = add ? 'true' : 'false';
      const button = form.querySelector('button');
      button.textContent = label(add);
      button.setAttribute('aria-label', `${label(add)}: ${title}`);
      status.textContent = add ? 'On your watch-list' : 'Removed from your watch-list';
    } catch {
      status.textContent = 'Not saved: the server did not answer.';
    }
  }

  function announce(text) {
    let region = document.getElementById('list-announcer');
    if (!region) {
      region = document.createElement('p');
      region.id = 'list-announcer';
      region.className = 'mb-4 text-sm';
      region.setAttribute('role', 'status');
      document.querySelector('main')?.prepend(region);
    }
    region.textContent = text;
  }

  document.addEventListener('submit', (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.dataset.list || !form.closest('.list-buttons')) return;
    event.preventDefault();
    change(form);
  });
})();
