// Kiosk mode of the survey form (a counter tablet): answers are queued on the tablet with
// an idempotency key and sent in the background, so a dropped connection loses nothing and
// a resend never counts twice; the form thanks the citizen and starts over by itself.
// Without this script the same form still works as a plain HTML form.
(function () {
  "use strict";
  var form = document.getElementById("survey");
  var panel = document.getElementById("kiosk");
  if (!form || !panel) return;
  var thanks = document.getElementById("kiosk-thanks");
  var thanksQueued = document.getElementById("kiosk-thanks-queued");
  var status = document.getElementById("kiosk-queue");
  var fullscreen = document.getElementById("kiosk-fullscreen");
  var text = panel.dataset;
  var storageKey = "suara-kios-queue:" + location.pathname;
  var idleMs = Number(text.idleSeconds) * 1000;
  var thanksMs = Number(text.thanksSeconds) * 1000;
  var sending = false;
  var lastTouch = Date.now();
  var thanksTimer = null;

  var device = window.SuaraQueue(storageKey, "kios-");
  var load = device.load;
  var save = device.save;
  var newKey = device.newKey;
  function showStatus() {
    var waiting = load().length;
    status.textContent = waiting ? text.waiting.replace("{n}", waiting) : "";
  }

  // The same JSON the API takes; the server fixes unit and officer to this kiosk's.
  function toJson() {
    var data = new FormData(form);
    var value = function (name) {
      var v = data.get(name);
      return v === null || v === "" ? null : String(v);
    };
    var answers = [];
    for (var i = 1; i <= 9; i++) {
      var a = value("u" + i);
      answers.push(a === null ? null : Number(a));
    }
    // The service's extra questions (fields x{number}), never part of the IKM.
    var extra = [];
    data.forEach(function (answer, name) {
      var number = /^x(\d+)$/.exec(name);
      if (number && answer !== "") extra.push({ question: Number(number[1]), answer: String(answer) });
    });
    return {
      service: value("service"),
      answers: answers,
      extra: extra,
      profile: {
        sex: value("sex"),
        age_band: value("age_band"),
        education: value("education"),
        occupation: value("occupation")
      },
      suggestion: value("suggestion"),
      idempotency_key: value("idempotency_key")
    };
  }

  // Sends the queue oldest first; stops at the first failure of the network or server and
  // tries again later. A refusal (4xx) will not change on retry and is dropped.
  function flush() {
    if (sending) return;
    var queue = load();
    if (!queue.length) return showStatus();
    sending = true;
    fetch(form.action, {
      method: "POST",
      headers: { "Content-Type": "application/json", "Accept": "application/json" },
      body: queue[0],
      credentials: "same-origin"
    }).then(function (response) {
      sending = false;
      var retry = response.status >= 500 || response.status === 408 || response.status === 429;
      if (retry) return showStatus();
      if (!response.ok) console.warn("kiosk: response refused", response.status);
      save(load().slice(1));
      flush();
    }, function () {
      sending = false;
      showStatus();
    });
  }

  function startOver() {
    clearTimeout(thanksTimer);
    form.reset();
    form.elements.idempotency_key.value = newKey();
    thanks.hidden = true;
    form.hidden = false;
    window.scrollTo(0, 0);
    document.getElementById("main").focus();
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var queue = load();
    queue.push(JSON.stringify(toJson()));
    save(queue);
    form.hidden = true;
    thanksQueued.hidden = navigator.onLine !== false;
    thanks.hidden = false;
    thanks.focus();
    thanksTimer = setTimeout(startOver, thanksMs);
    flush();
  });
  document.getElementById("kiosk-again").addEventListener("click", startOver);

  // An answer left half-way is cleared for the next citizen.
  ["pointerdown", "keydown", "input"].forEach(function (name) {
    document.addEventListener(name, function () { lastTouch = Date.now(); }, true);
  });
  function started() {
    return Array.prototype.some.call(form.elements, function (field) {
      if (field.type === "radio") return field.checked;
      return (field.tagName === "SELECT" || field.tagName === "TEXTAREA") && field.value !== "";
    });
  }
  setInterval(function () {
    if (!form.hidden && started() && Date.now() - lastTouch > idleMs) startOver();
  }, 5000);

  if (document.documentElement.requestFullscreen) {
    fullscreen.hidden = false;
    fullscreen.addEventListener("click", function () {
      document.documentElement.requestFullscreen().catch(function () {});
    });
  }

  form.elements.idempotency_key.value = newKey();
  window.addEventListener("online", flush);
  setInterval(flush, 20000);
  flush();
})();
