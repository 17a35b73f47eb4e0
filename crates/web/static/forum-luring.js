// A Musrena forum held where the signal drops (Dongko, Watulimo, Panggul): the facilitator
// opens this page before leaving, then records proposals and participants' votes on it.
// Every item is kept on this device with a key of its own and sent when there is a
// connection; the server records each key once, so a resend never counts twice.
(function () {
  "use strict";
  var panel = document.getElementById("luring");
  if (!panel) return;
  var forms = document.querySelectorAll("form[data-kind]");
  var status = document.getElementById("luring-status");
  var refusedList = document.getElementById("luring-refused");
  var text = panel.dataset;
  var storageKey = "suara-forum-luring:" + location.pathname;
  var sending = false;

  var device = window.SuaraQueue(storageKey, "forum-");
  var load = device.load;
  var save = device.save;
  var newKey = device.newKey;
  function showStatus() {
    var waiting = load().length;
    status.textContent = waiting ? text.waiting.replace("{n}", waiting) : text.allSent;
    status.dataset.waiting = String(waiting);
  }
  // Refused items stay on the device with everything typed, listed until the page's data
  // is cleared, so nothing written at the forum is lost.
  var refusedKey = storageKey + ":refused";
  var refusedMemory = [];
  function refusedItems() {
    try {
      return JSON.parse(localStorage.getItem(refusedKey) || "[]");
    } catch (e) {
      return refusedMemory;
    }
  }
  function showRefused() {
    refusedList.textContent = "";
    refusedItems().forEach(function (entry) {
      var item = document.createElement("li");
      var typed = entry.fields
        .filter(function (f) { return f[0] !== "kind" && f[1] !== ""; })
        .map(function (f) { return f[1]; })
        .join(" · ");
      item.textContent = entry.problems.join(" ") + " — " + typed;
      refusedList.appendChild(item);
    });
  }
  function refused(entry, problems) {
    var kept = refusedItems();
    kept.push({ fields: entry.fields, problems: problems });
    refusedMemory = kept;
    try {
      localStorage.setItem(refusedKey, JSON.stringify(kept));
    } catch (e) {
      /* storage refused: still shown below until the page closes */
    }
    showRefused();
  }

  // One item at a time, oldest first; stop at the first failure of the connection.
  function flush() {
    if (sending) return;
    var queue = load();
    if (!queue.length) return showStatus();
    sending = true;
    var item = queue[0];
    var body = new URLSearchParams(item.fields);
    body.set("csrf", text.csrf);
    body.set("key", item.key);
    fetch(text.action, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    })
      .then(function (response) {
        if (response.ok || response.status === 422) {
          return response.json().then(function (answer) {
            if (!response.ok) refused(item, answer.problems || []);
            save(load().filter(function (q) { return q.key !== item.key; }));
            sending = false;
            flush();
          });
        }
        throw new Error("HTTP " + response.status);
      })
      .catch(function () {
        sending = false;
        showStatus();
      });
  }

  Array.prototype.forEach.call(forms, function (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var fields = [["kind", form.dataset.kind]];
      new FormData(form).forEach(function (value, name) {
        if (name !== "csrf") fields.push([name, String(value)]);
      });
      var label = (form.querySelector("[data-label]") || {}).value || form.dataset.kind;
      var queue = load();
      queue.push({ key: newKey(), fields: fields, label: label });
      save(queue);
      form.reset();
      showStatus();
      flush();
    });
  });
  window.addEventListener("online", flush);
  setInterval(flush, 5000);
  showStatus();
  showRefused();
  flush();
})();
