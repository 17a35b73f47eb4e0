// The device-side queue shared by the kiosk and the offline Musrena forum: items kept in
// the browser's storage (in memory when storage is refused), each sent with a random key of
// its own so the server can record it once however often it is sent.
window.SuaraQueue = function (storageKey, prefix) {
  "use strict";
  var memory = [];
  return {
    load: function () {
      try {
        return JSON.parse(localStorage.getItem(storageKey) || "[]");
      } catch (e) {
        return memory;
      }
    },
    save: function (queue) {
      memory = queue;
      try {
        localStorage.setItem(storageKey, JSON.stringify(queue));
      } catch (e) {
        /* private mode or full: the in-memory queue still holds it until sent */
      }
    },
    newKey: function () {
      var bytes = new Uint8Array(16);
      crypto.getRandomValues(bytes);
      return prefix + Array.prototype.map.call(bytes, function (b) {
        return ("0" + b.toString(16)).slice(-2);
      }).join("");
    },
  };
};
