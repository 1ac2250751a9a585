// The first-steps page: after each rating (rating.js announces it with "movierec:rated") the
// progress count moves on and the picks beside the movies are fetched again from
// /api/recommendations, without a reload. Without this script the rating forms post as usual and
// the page comes back with the count and picks updated.
(() => {
  const progress = document.querySelector('[data-section="onboarding-progress"]');
  const picksSection = document.querySelector('[data-section="onboarding-picks"]');
  if (!progress || !picksSection) return;
  const target = Number(progress.dataset.target);
  const ratedBefore = Number(progress.dataset.rated);
  const ratedHere = new Set();

  function showProgress() {
    const rated = ratedBefore + ratedHere.size;
    const shown = Math.min(rated, target);
    progress.querySelector('progress').value = shown;
    progress.querySelector('progress').textContent = `${shown} of ${target}`;
    progress.querySelector('.progress-count').textContent = `${shown} of ${target}`;
    progress.querySelector('.progress-note').textContent = rated >= target
      ? '- enough for good picks; rate on as you like'
      : '- your picks get better with each rating';
    if (rated >= target) document.querySelector('[data-action="done"]')?.removeAttribute('hidden');
  }

  function card(pick) {
    const item = document.createElement('li');
    item.className = 'card';
    item.dataset.pick = pick.id;
    const link = document.createElement('a');
    link.href = `/Movies/Details/${pick.id}`;
    link.className = 'movie-link';
    link.textContent = pick.title;
    const predicted = document.createElement('p');
    predicted.className = 'text-sm';
    const value = document.createElement('strong');
    value.textContent = pick.predictedRating.toFixed(1);
    predicted.append('Predicted rating ', value);
    item.append(link, predicted);
    if (pick.reason) {
      const reason = document.createElement('p');
      reason.className = 'text-sm text-slate-600';
      reason.textContent = pick.reason;
      item.append(reason);
    }
    return item;
  }

  // Only the latest refresh is shown: ratings can come faster than the answers.
  let latest = 0;
  async function refreshPicks() {
    const call = ++latest;
    const ratedAtCall = ratedBefore + ratedHere.size;
    try {
      const response = await fetch(`/api/recommendations?n=${picksSection.dataset.count}`, { credentials: 'same-origin' });
      if (!response.ok || call !== latest) return;
      const answer = await response.json();
      if (answer.kind !== 'personal' || call !== latest) return;
      picksSection.querySelector('[data-section="picks"]').replaceChildren(...answer.items.map(card));
      picksSection.querySelector('.picks-placeholder').hidden = answer.items.length > 0;
      // How many ratings the picks shown were asked after: the answer to the latest rating is in
      // once this equals the count, so a check (the browser tests) need not guess when it arrives.
      picksSection.dataset.picksAfterRatings = String(ratedAtCall);
    } catch {
      // The picks stay as they were; the next rating tries again.
    }
  }

  document.addEventListener('movierec:rated', (event) => {
    ratedHere.add(event.detail.movieId);
    showProgress();
    refreshPicks();
  });
})();
