// The one way the page scripts call the JSON API: the antiforgery token of the page in its header,
// the sign-in cookie, and every failure turned into a message for the widget's status line.
window.movieRecApi = (() => {
  const token = document.querySelector('meta[name="csrf-token"]')?.content;

  // Sends the call; the answer's JSON ({} when it has none) when it succeeded, null otherwise.
  // Signed out, it posts the widget's own form instead (which leads to the login page); otherwise
  // a failure is written into `status`.
  async function send(form, status, method, url, body) {
    try {
      const response = await fetch(url, {
        method,
        headers: body === undefined ? { 'X-CSRF-TOKEN': token ?? '' } : { 'Content-Type': 'application/json', 'X-CSRF-TOKEN': token ?? '' },
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'same-origin',
      });
      if (response.status === 401) { form.submit(); return null; }
      if (!response.ok) {
        const problem = await response.json().catch(() => ({}));
        status.textContent = problem.detail ?? `Not saved (${response.status}).`;
        return null;
      }
      return await response.json().catch(() => ({}));
    } catch {
      status.textContent = 'Not saved: the server did not answer.';
      return null;
    }
  }

  return { send };
})();
