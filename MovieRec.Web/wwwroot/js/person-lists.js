// The watch-list and "not interested" buttons: saved through /api/me/watchlist and /api/me/hidden
// without a reload. Without this script each button's form posts to the Watch-list page as usual.
(() => {
  const label = (onList) => (onList ? 'Remove from watch-list' : 'Add to watch-list');

  async function change(form) {
    const buttons = form.closest('.list-buttons');
    const status = buttons.querySelector('.list-status');
    const list = form.dataset.list;
    const add = form.dataset.onList !== 'true';
    const title = form.querySelector('button').getAttribute('aria-label').replace(/^[^:]*: /, '');
    status.textContent = 'Saving…';
    if (!await window.movieRecApi.send(form, status, add ? 'PUT' : 'DELETE', `/api/me/${list}/${buttons.dataset.movieId}`)) return;
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
