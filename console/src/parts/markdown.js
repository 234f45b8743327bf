// Renders Markdown for preview: markdown-it turns it into HTML, DOMPurify removes anything
// that could run (scripts, event handlers, javascript: links, frames, forms, styles). HTML written
// in the Markdown shows as text, as the chat platforms show it; were it parsed, Chromium would
// report each inline handler in it (onerror=...) as a CSP violation while DOMPurify reads it. Images
// load nothing by themselves: their source moves to data-src, and only an item's own media are
// loaded, through the caller's resolver (an authenticated fetch, or a file picked locally).
import MarkdownIt from "markdown-it";
import DOMPurify from "dompurify";

const markdown = new MarkdownIt({ html: false, linkify: true, breaks: true });

DOMPurify.addHook("afterSanitizeAttributes", (node) => {
  if (node.tagName === "A") {
    node.setAttribute("rel", "noopener noreferrer nofollow");
    node.setAttribute("target", "_blank");
  }
  if (node.tagName === "IMG" && node.hasAttribute("src")) {
    node.setAttribute("data-src", node.getAttribute("src"));
    node.removeAttribute("src");
  }
});

/** The sanitized HTML of a Markdown text. */
export function markdownToSafeHtml(source) {
  return DOMPurify.sanitize(markdown.render(source ?? ""), {
    FORBID_TAGS: ["style", "form", "input", "button", "textarea", "select", "iframe", "object", "embed"],
    FORBID_ATTR: ["style"],
  });
}

/**
 * Fills target with the rendered, sanitized Markdown. resolveImage(src) may answer a URL (or a
 * promise of one) for an image; images it does not resolve stay unloaded and show their alt text.
 */
export function renderMarkdown(target, source, resolveImage) {
  target.classList.add("markdown");
  // Safe: the HTML has just been through DOMPurify, and the page's CSP forbids inline scripts too.
  target.innerHTML = markdownToSafeHtml(source);
  for (const img of target.querySelectorAll("img[data-src]")) {
    img.classList.add("unloaded");
    const found = resolveImage ? resolveImage(img.dataset.src) : null;
    if (!found) continue;
    Promise.resolve(found).then((url) => {
      if (!url) return;
      img.src = url;
      img.classList.remove("unloaded");
    }).catch(() => {});
  }
  return target;
}

/** The file name at the end of an image reference such as "media/cake.png" or "./cake.png". */
export function imageName(src) {
  return String(src ?? "").split(/[?#]/)[0].split("/").pop();
}
