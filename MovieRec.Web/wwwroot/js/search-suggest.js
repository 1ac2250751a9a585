// Suggestions while typing in the Movies search box: the ARIA combobox pattern with list
// autocomplete (https://www.w3.org/WAI/ARIA/apg/patterns/combobox/). Focus stays in the text box;
// Down and Up move through the titles (aria-activedescendant), Enter opens the chosen movie,
// Escape closes the list (and, when it is already closed, clears the box). Without this script the
// box is a plain search field of a GET form, so nothing depends on it.
(() => {
  const input = document.querySelector('input[data-suggest-url]');
  if (!input) return;
  const list = document.getElementById(input.dataset.suggestList);
  const status = document.getElementById(input.dataset.suggestStatus);
  const url = input.dataset.suggestUrl;
  // Matches the API's bound; longer text is not sent.
  const maxLength = 100;
  const minLength = 2;
  const waitMs = 120;

  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', list.id);

  let items = [];
  let active = -1;
  let timer = 0;
  let pending = null;

  function options() { return list.querySelectorAll('[role="option"]'); }

  function open() {
    if (items.length === 0) return;
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
  }

  function close() {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    setActive(-1);
  }

  function setActive(index) {
    active = index;
    options().forEach((option, i) => option.setAttribute('aria-selected', i === index ? 'true' : 'false'));
    if (index < 0) { input.removeAttribute('aria-activedescendant'); return; }
    const option = options()[index];
    input.setAttribute('aria-activedescendant', option.id);
    option.scrollIntoView({ block: 'nearest' });
  }

  function choose(index) {
    window.location.assign('/Movies/Details/' + encodeURIComponent(items[index].id));
  }

  function render(found, text) {
    items = found;
    // The text these suggestions answer: a check (the browser tests) can tell the answer to what
    // was typed last is shown, not one to a few letters before it that came back in between.
    list.dataset.suggestionsFor = text;
    list.replaceChildren(...found.map((item, i) => {
      const option = document.createElement('li');
      option.id = `movie-search-option-${i}`;
      option.setAttribute('role', 'option');
      option.setAttribute('aria-selected', 'false');
      option.className = 'cursor-pointer px-3 py-2 aria-selected:bg-sky-100 aria-selected:text-sky-950 hover:bg-slate-100';
      const title = document.createElement('bdi');
      title.textContent = item.title;
      option.append(title);
      if (item.match === 'near') {
        const near = document.createElement('span');
        near.className = 'ml-2 text-sm text-slate-600';
        near.textContent = '(close spelling)';
        option.append(near);
      }
      // mousedown would take the focus from the box before the click lands.
      option.addEventListener('mousedown', event => event.preventDefault());
      option.addEventListener('click', () => choose(i));
      return option;
    }));
    active = -1;
    status.textContent = found.length === 0
      ? 'No suggestions.'
      : `${found.length} suggestion${found.length === 1 ? '' : 's'}: use the up and down arrows to choose, Enter to open.`;
    if (found.length === 0) close(); else open();
  }

  async function ask() {
    const text = input.value.trim();
    if (text.length < minLength || text.length > maxLength) { items = []; close(); return; }
    pending?.abort();
    pending = new AbortController();
    try {
      const response = await fetch(`${url}?q=${encodeURIComponent(text)}`, { signal: pending.signal, credentials: 'same-origin' });
      if (!response.ok) { items = []; close(); return; }
      const answer = await response.json();
      // An answer for text the person has since changed is dropped.
      if (input.value.trim() === text) render(answer.items, text);
    } catch (error) {
      if (error.name !== 'AbortError') { items = []; close(); }
    }
  }

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(ask, waitMs);
  });

  input.addEventListener('keydown', event => {
    switch (event.key) {
      case 'ArrowDown':
        if (items.length === 0) return;
        event.preventDefault();
        if (list.hidden) open();
        setActive((active + 1) % items.length);
        break;
      case 'ArrowUp':
        if (items.length === 0) return;
        event.preventDefault();
        if (list.hidden) open();
        setActive(active <= 0 ? items.length - 1 : active - 1);
        break;
      case 'Enter':
        // With no title chosen, Enter submits the form: the full search.
        if (!list.hidden && active >= 0) {
          event.preventDefault();
          choose(active);
        }
        break;
      case 'Escape':
        if (!list.hidden) {
          event.preventDefault();
          close();
        } else if (input.value !== '') {
          event.preventDefault();
          input.value = '';
          items = [];
        }
        break;
      case 'Tab':
        close();
        break;
    }
  });

  input.addEventListener('blur', () => close());
})();
