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
      // text only: files are sent when the form is submitted, not on every pause in typing
      const data = new FormData(form)
      for (const [name, value] of [...data]) if (value instanceof File) data.delete(name)
      saving = saving.then(() =>
        fetch(form.action, { method: 'POST', body: data, headers: { accept: 'application/json' } })
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

  // Keep what is typed in the browser too (forms with data-keep="<key>"), for a connection that drops
  // before the server has it: put back on the next visit when newer than the server's draft
  // (data-keep-since, in ms), forgotten once the text is in (an element with data-forget="<key> ...").
  const kept = (key) => `ecp:${key}`
  try {
    for (const element of document.querySelectorAll('[data-forget]')) {
      for (const key of (element.getAttribute('data-forget') || '').split(' ')) localStorage.removeItem(kept(key))
    }
    for (const form of document.querySelectorAll('form[data-keep]')) {
      const key = kept(form.getAttribute('data-keep'))
      const fields = () => [...form.querySelectorAll('textarea[name]')]
      const stored = JSON.parse(localStorage.getItem(key) || 'null')
      if (stored && stored.at > Number(form.getAttribute('data-keep-since') || 0)) {
        let restored = false
        for (const field of fields()) {
          const text = stored.values[field.name]
          if (typeof text === 'string' && text !== field.value) {
            field.value = text
            restored = true
          }
        }
        const status = document.getElementById(form.getAttribute('data-autosave') || '')
        if (restored && status) status.textContent = form.getAttribute('data-keep-restored') || ''
      }
      form.addEventListener('input', () => {
        const values = {}
        for (const field of fields()) values[field.name] = field.value
        try {
          localStorage.setItem(key, JSON.stringify({ at: Date.now(), values }))
        } catch {
          // storage full or refused: the server's draft still holds the text
        }
      })
    }
  } catch {
    // no localStorage (private mode, disabled): the server's draft is what keeps the text
  }

  // Ask before irreversible actions (buttons with data-confirm).
  document.addEventListener('submit', (event) => {
    const button = event.submitter
    const message = button?.getAttribute('data-confirm')
    if (message && !window.confirm(message)) event.preventDefault()
  })
})()
