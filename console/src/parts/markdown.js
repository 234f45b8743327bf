// Renders Markdown for preview: markdown-it turns it into HTML, DOMPurify removes anything
// that could run (scripts, event handlers, javascript: links, frames, forms, styles).
import MarkdownIt from "markdown-it";
import DOMPurify from "dompurify";

const markdown = new MarkdownIt({ html: true, linkify: true, breaks: true });

DOMPurify.addHook("afterSanitizeAttributes", (node) => {
  if (node.tagName === "A") {
    node.setAttribute("rel", "noopener noreferrer nofollow");
    node.setAttribute("target", "_blank");
  }
});

/** The sanitized HTML of a Markdown text. */
export function markdownToSafeHtml(source) {
  return DOMPurify.sanitize(markdown.render(source ?? ""), {
    FORBID_TAGS: ["style", "form", "input", "button", "textarea", "select", "iframe", "object", "embed"],
    FORBID_ATTR: ["style"],
  });
}

/** Fills target with the rendered, sanitized Markdown. */
export function renderMarkdown(target, source) {
  target.classList.add("markdown");
  // Safe: the HTML has just been through DOMPurify, and the page's CSP forbids inline scripts too.
  target.innerHTML = markdownToSafeHtml(source);
  return target;
}
