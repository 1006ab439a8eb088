// The idle warning: BUREAU_SESSION_IDLE_WARNING_MINUTES before an idle session ends (the server ends
// it after BUREAU_SESSION_IDLE_MINUTES without a request), show #idle-warning; its "stay signed in"
// form posts to the keep-alive URL, which counts as a request. When the time is up, reload: the
// server then asks for the password again. Values come from <body data-idle-*> (no inline script).
(function () {
  "use strict";
  const box = document.getElementById("idle-warning");
  const idle = Number(document.body.dataset.idleMinutes);
  const warning = Number(document.body.dataset.idleWarningMinutes);
  if (!box || !idle) {
    return;
  }
  const form = box.querySelector("form");
  const minute = 60 * 1000;
  let warnTimer = null;
  let endTimer = null;

  function schedule() {
    window.clearTimeout(warnTimer);
    window.clearTimeout(endTimer);
    box.hidden = true;
    warnTimer = window.setTimeout(function () {
      box.hidden = false;
    }, Math.max(idle - warning, 0) * minute);
    endTimer = window.setTimeout(function () {
      window.location.reload();
    }, idle * minute + 5000);
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    fetch(form.action, { method: "POST", body: new FormData(form), credentials: "same-origin", redirect: "manual" })
      .then(function (response) {
        if (response.status === 204) {
          schedule();
        } else {
          window.location.reload(); // the session had already ended: the login page
        }
      })
      .catch(function () {
        window.location.reload();
      });
  });
  schedule();
})();
