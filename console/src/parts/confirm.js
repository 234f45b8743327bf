// Asks a yes-or-no question in a modal <dialog> rather than the browser's confirm(): it speaks the
// console's language, takes focus (on the safe answer), Escape answers no, and focus returns to the
// control that asked.
import { h } from "./dom.js";
import { t } from "./i18n.js";

/** Resolves true when the user confirms, false when they cancel or press Escape. */
export function confirmDialog(message, { confirmLabel = t("common.confirm"), danger = true } = {}) {
  return new Promise((resolve) => {
    const opener = document.activeElement;
    const no = h("button", { type: "submit", value: "no", id: "confirm-no" }, t("common.cancel"));
    const yes = h("button", { type: "submit", value: "yes", id: "confirm-yes", class: danger ? "danger" : "primary" },
      confirmLabel);
    const dialog = h("dialog", { id: "confirm-dialog", class: "confirm-dialog", "aria-labelledby": "confirm-message" },
      h("form", { method: "dialog" },
        h("p", { id: "confirm-message" }, message),
        h("div", { class: "toolbar" }, yes, no)));
    dialog.addEventListener("close", () => {
      dialog.remove();
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
      resolve(dialog.returnValue === "yes");
    });
    document.body.append(dialog);
    dialog.showModal();
    no.focus();
  });
}
