// The attendance board on the hall's projector: one button to go full screen (a browser asks for a click).
(function () {
  "use strict";
  var button = document.getElementById("full-screen");
  if (!button || !document.documentElement.requestFullscreen) {
    if (button) button.hidden = true;
    return;
  }
  button.addEventListener("click", function () {
    document.documentElement.requestFullscreen();
  });
  document.addEventListener("fullscreenchange", function () {
    button.hidden = Boolean(document.fullscreenElement);
  });
})();
