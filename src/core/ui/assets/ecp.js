// ecp's progressive enhancements. Every page works without this file.
;(() => {
  // Remember the reader's time zone, so dates render in their local time on the next page.
  try {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone
    if (zone && !document.cookie.split('; ').includes(`ecp_tz=${encodeURIComponent(zone)}`)) {
      // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is missing from the older browsers we serve
      document.cookie = `ecp_tz=${encodeURIComponent(zone)}; path=/; max-age=31536000; samesite=lax`
    }
  } catch {
    // no Intl time zone support: dates stay in UTC, which the page says
  }

  // Move focus to a form's error summary so screen readers announce it.
  const summary = document.querySelector('.error-summary')
  if (summary instanceof HTMLElement) summary.focus()

  // Ask before irreversible actions (buttons with data-confirm).
  document.addEventListener('submit', (event) => {
    const button = event.submitter
    const message = button?.getAttribute('data-confirm')
    if (message && !window.confirm(message)) event.preventDefault()
  })
})()
