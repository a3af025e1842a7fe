// Estrade — the public agenda pages' only script (they ship no wasm; everything else on them is
// server-rendered). It does three things:
//  1. stars: the list of starred talk codes lives in localStorage per event; signed in (the header's
//     menu says so), the account's list is read and each star is saved there too. The first
//     visit of an account from a browser adds the browser's stars to the account; after that the
//     account is the reference and the browser mirrors it;
//  2. "My agenda" links carry the browser's list (?talks=…) so the server can render the page;
//  3. filter selects apply as soon as they change.
// The stored list is read again before every change and when the browser shows the page from its
// back-forward cache: another page (or tab) may have starred talks since, and a change adds or
// removes one code from what is stored, never writes an older copy over it.
(function () {
  "use strict";
  var match = location.pathname.match(/^\/events\/([^/]+)\//);
  if (!match) return;
  var slug = match[1];
  var key = "estrade:favourites:" + slug;
  // Signed in, the account's list comes with the page ("My agenda") or from /api/agenda/stars (the
  // agenda and talk pages, which the server renders once for everyone); `user` is set once it is here.
  var account = document.getElementById("account-stars");
  var user = null;

  function split(v) { return (v || "").split(",").filter(function (c) { return c; }); }
  function load(k) { try { return localStorage.getItem(k); } catch (e) { return null; } }
  function save(k, v) { try { localStorage.setItem(k, v); } catch (e) { /* private mode: stars last this page */ } }

  var codes = split(load(key));

  function post(what, params) {
    params.slug = slug;
    return fetch("/api/agenda/" + what, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Accept": "application/json", "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(params).toString()
    }).then(function (r) {
      if (!r.ok) throw new Error("HTTP " + r.status);
      return r.json();
    });
  }

  function adopt(list) {
    codes = list.slice();
    save(key, codes.join(","));
  }

  function stars() { return document.querySelectorAll("button.star[data-code]"); }

  function render() {
    stars().forEach(function (b) {
      var on = codes.indexOf(b.getAttribute("data-code")) >= 0;
      var label = b.getAttribute(on ? "data-unstar" : "data-star") + " “" + b.getAttribute("data-title") + "”";
      b.hidden = false;
      b.classList.toggle("on", on);
      b.setAttribute("aria-pressed", on ? "true" : "false");
      b.setAttribute("aria-label", label);
      b.title = label;
      b.textContent = on ? "★" : "☆";
    });
    document.querySelectorAll("a[data-my]").forEach(function (a) {
      var base = "/events/" + slug + "/my";
      a.href = user || !codes.length ? base : base + "?talks=" + encodeURIComponent(codes.join(","));
    });
  }

  function say(text) {
    var box = document.getElementById("star-status");
    if (!box) {
      box = document.createElement("p");
      box.id = "star-status";
      box.className = "notice notice-warn";
      box.setAttribute("role", "alert");
      document.getElementById("main").prepend(box);
    }
    box.textContent = text;
  }

  var onMyPage = !!document.querySelector("[data-my-page]");

  function afterChange() {
    if (!onMyPage) return;
    // "My agenda" is rendered from the list: show it again without the talk just unstarred.
    if (user) location.reload();
    else location.replace("?talks=" + encodeURIComponent(codes.join(",")));
  }

  // What other pages stored since this one read it (signed in, the account answers each star anyway).
  function reread() { codes = split(load(key)); }

  function toggle(button) {
    var code = button.getAttribute("data-code");
    reread();
    var before = codes.slice();
    var on = codes.indexOf(code) < 0;
    adopt(on ? codes.concat([code]) : codes.filter(function (c) { return c !== code; }));
    render();
    if (!user) return afterChange();
    post("star", { code: code, starred: on ? "true" : "false" })
      .then(function (s) { adopt(s.codes); render(); afterChange(); })
      .catch(function () { adopt(before); render(); say(account.getAttribute("data-failed")); });
  }

  document.addEventListener("click", function (ev) {
    var b = ev.target.closest && ev.target.closest("button.star[data-code]");
    if (b) toggle(b);
  });

  document.querySelectorAll("form.filters select").forEach(function (s) {
    s.addEventListener("change", function () { s.form.submit(); });
  });

  // The account's list is the reference: the browser's extra stars are added to it once.
  function adoptAccount(list) {
    user = list.user;
    var mergedKey = "estrade:favourites-merged:" + slug + ":" + user;
    var theirs = list.codes;
    reread();
    var extra = codes.filter(function (c) { return theirs.indexOf(c) < 0; });
    if (load(mergedKey) || !extra.length) {
      save(mergedKey, "1");
      adopt(theirs);
      return;
    }
    adopt(theirs.concat(extra));
    post("merge", { codes: extra.join(",") })
      .then(function (s) {
        save(mergedKey, "1");
        adopt(s.codes);
        render();
        if (onMyPage) location.reload();
      })
      .catch(function () { say(account.getAttribute("data-failed")); });
  }

  var inline = account && account.getAttribute("data-user");
  if (inline) {
    adoptAccount({ user: inline, codes: split(account.getAttribute("data-codes")) });
  } else if (document.querySelector("[data-signed-in]")) {
    fetch("/api/agenda/stars?slug=" + encodeURIComponent(slug), { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (list) {
        if (!list) return;
        adoptAccount(list);
        render();
      })
      .catch(function () { /* the browser's list stays shown */ });
  } else if (onMyPage && codes.length && !new URLSearchParams(location.search).get("talks")) {
    location.replace("?talks=" + encodeURIComponent(codes.join(",")));
    return;
  }
  render();
  // Back or Forward may show this page as it was left, with the stars of that moment.
  window.addEventListener("pageshow", function (ev) {
    if (!ev.persisted) return;
    reread();
    render();
    window.__estrade_restored = (window.__estrade_restored || 0) + 1;
    afterChange();
  });
  // Another tab starred or unstarred a talk.
  window.addEventListener("storage", function (ev) {
    if (ev.key !== key) return;
    reread();
    render();
  });
  // Lets browser tests know the script ran.
  window.__estrade_agenda = true;
})();
