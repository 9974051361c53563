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

  // Save a draft as it is written (forms with data-autosave): the server keeps every change, so a
  // closed tab or a lost connection costs nothing. Without this script the form's button saves.
  for (const form of document.querySelectorAll('form[data-autosave]')) {
    const status = document.getElementById(form.getAttribute('data-autosave') || '')
    let timer
    let saving = Promise.resolve()
    const save = () => {
      saving = saving.then(() =>
        fetch(form.action, { method: 'POST', body: new FormData(form), headers: { accept: 'application/json' } })
          .then((r) => (r.ok ? r.json() : Promise.reject(new Error(String(r.status)))))
          .then((body) => {
            if (status) status.textContent = body.message
          })
          .catch(() => {
            if (status) status.textContent = form.getAttribute('data-autosave-failed') || ''
          }),
      )
    }
    form.addEventListener('input', () => {
      clearTimeout(timer)
      timer = setTimeout(save, 800)
    })
    form.addEventListener('change', () => {
      clearTimeout(timer)
      timer = setTimeout(save, 300)
    })
  }

  // Ask before irreversible actions (buttons with data-confirm).
  document.addEventListener('submit', (event) => {
    const button = event.submitter
    const message = button?.getAttribute('data-confirm')
    if (message && !window.confirm(message)) event.preventDefault()
  })
})()
