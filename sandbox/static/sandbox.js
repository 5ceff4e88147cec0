// The sandbox page: shows what the server rendered and reports what the person does.
// All HTML comes from the server, which escapes every text; this script only moves it into place.
"use strict";

(function () {
  const body = document.body;
  const me = body.dataset.as;
  const places = { channel: body.dataset.teamChannel, app: body.dataset.dm };
  const conversationPane = document.getElementById("sb-conversation");
  const homePane = document.getElementById("sb-home");
  const composer = document.getElementById("sb-composer");
  const messageBox = document.getElementById("sb-message");
  const overlay = document.getElementById("sb-overlay");
  const modalSlot = document.getElementById("sb-modal-slot");
  const modalProblem = document.getElementById("sb-modal-problem");
  const tabs = document.getElementById("sb-tabs");
  const title = document.getElementById("sb-place-title");
  const notice = document.getElementById("sb-notice");
  const POLL_MS = 700;
  const API = "/sandbox/api/";

  let place = location.hash === "#app" ? "app" : "channel";
  let tab = "home";
  let latest = null;
  let drawnVersion = null;
  let drawnConversation = null;
  let modal = null; // {view_id, key} of the modal on screen

  async function post(path, payload) {
    const response = await fetch(API + path, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(Object.assign({ as: me }, payload)),
    });
    const answer = await response.json();
    apply(answer.state);
    showErrors(answer.errors || {});
    modalProblem.hidden = !answer.problem;
    modalProblem.textContent = answer.problem || "";
    if (answer.notice) notice.textContent = answer.notice;
  }

  async function poll() {
    try {
      const response = await fetch(API + "state?as=" + encodeURIComponent(me));
      apply((await response.json()).state);
    } finally {
      setTimeout(poll, POLL_MS);
    }
  }

  function apply(state) {
    latest = state;
    document.getElementById("sb-clock").textContent = state.clock;
    const conversation = places[place];
    if (state.version !== drawnVersion || conversation !== drawnConversation) {
      conversationPane.innerHTML = state.conversations[conversation];
      homePane.innerHTML = state.home;
      conversationPane.scrollTop = conversationPane.scrollHeight;
      drawnVersion = state.version;
      drawnConversation = conversation;
    }
    drawModal(state.modal);
  }

  function drawModal(next) {
    if (!next) {
      overlay.hidden = true;
      modalSlot.innerHTML = "";
      modal = null;
      return;
    }
    if (modal && modal.key === next.key) return; // keep what the person is typing
    modalSlot.innerHTML = next.html;
    modalProblem.hidden = true;
    overlay.hidden = false;
    modal = { view_id: next.view_id, key: next.key };
  }

  function showPlace() {
    const inApp = place === "app";
    tabs.hidden = !inApp;
    title.textContent = inApp ? title.dataset.appTitle : title.dataset.channelTitle;
    const onHome = inApp && tab === "home";
    homePane.hidden = !onHome;
    conversationPane.hidden = onHome;
    composer.hidden = onHome;
    messageBox.placeholder = inApp ? messageBox.dataset.appPlaceholder : messageBox.dataset.channelPlaceholder;
    document.querySelectorAll("[data-place]").forEach((item) => item.classList.toggle("sb-current", item.dataset.place === place));
    document.querySelectorAll("[data-tab]").forEach((item) => item.classList.toggle("sb-current", item.dataset.tab === tab));
    history.replaceState(null, "", inApp ? "#app" : "#");
    if (latest) apply(latest);
    if (onHome) post("home", {});
  }

  // One element's value as a list of strings: the options picked, the boxes ticked, or what was typed.
  function valuesOf(element) {
    if (element.tagName === "SELECT") {
      return Array.from(element.selectedOptions).map((option) => option.value).filter((value) => value !== "");
    }
    if (element.dataset.type === "radio_buttons" || element.dataset.type === "checkboxes") {
      return Array.from(element.querySelectorAll("input:checked")).map((input) => input.value);
    }
    return [element.value];
  }

  // What the person entered in the open modal: block id -> action id -> list of strings.
  function entered() {
    const values = {};
    modalSlot.querySelectorAll("[data-sb-element]").forEach((element) => {
      if (element.dataset.type === "button" || element.dataset.type === "image") return;
      const block = (values[element.dataset.blockId] = values[element.dataset.blockId] || {});
      block[element.dataset.actionId] = valuesOf(element);
    });
    return values;
  }

  function showErrors(errors) {
    modalSlot.querySelectorAll(".sb-error").forEach((slot) => {
      slot.textContent = errors[slot.dataset.errorFor] || "";
      slot.closest(".sb-input").classList.toggle("sb-has-error", Boolean(errors[slot.dataset.errorFor]));
    });
  }

  function surfaceOf(element) {
    if (element.closest(".sb-modal")) return { surface: "modal", surface_id: modal.view_id, entered: entered() };
    const message = element.closest("[data-message-id]");
    if (message) return { surface: "message", surface_id: message.dataset.messageId };
    return { surface: "home", surface_id: "" };
  }

  function act(element, picked) {
    const where = surfaceOf(element);
    post("action", Object.assign(where, {
      block_id: element.dataset.blockId,
      action_id: element.dataset.actionId,
      picked: picked,
    }));
  }

  document.addEventListener("click", (event) => {
    const target = event.target.closest("button, [data-place]");
    if (!target) return;
    if (target.dataset.place) {
      place = target.dataset.place;
      tab = "home";
      showPlace();
    } else if (target.dataset.tab) {
      tab = target.dataset.tab;
      showPlace();
    } else if (target.dataset.sb === "submit") {
      post("submit", { view_id: modal.view_id, entered: entered() });
    } else if (target.dataset.sb === "close") {
      post("close", { view_id: modal.view_id });
    } else if (target.dataset.control) {
      if (target.dataset.control !== "reset" || confirm(body.dataset.resetConfirm)) post(target.dataset.control, {});
    } else if (target.dataset.type === "button" && target.hasAttribute("data-sb-element")) {
      if (target.dataset.url) window.open(target.dataset.url, "_blank", "noopener");
      act(target, []);
    }
  });

  // A pick in a select outside an input block (or in one that dispatches) goes to Nope at once, as in Slack.
  document.addEventListener("change", (event) => {
    const element = event.target.closest("[data-sb-element]");
    if (!element || element.dataset.type === "button") return;
    const input = element.closest(".sb-input");
    if (input && !input.hasAttribute("data-dispatch")) return;
    act(element, valuesOf(element));
  });

  composer.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = messageBox.value;
    messageBox.value = "";
    post("message", { conversation: places[place], text: text });
  });

  document.getElementById("sb-person").addEventListener("change", (event) => {
    location.href = "?as=" + encodeURIComponent(event.target.value) + location.hash;
  });

  showPlace();
  poll();
})();
