// A CodeMirror 6 editor for DRL: Java-like highlighting with Drools' keywords, and error
// markers at the lines the server names. Tab is left to move focus, for keyboard users.
// CodeMirror injects its styles in a <style> element, allowed by the page's per-load CSP nonce.
import { EditorView, lineNumbers, highlightActiveLine, highlightActiveLineGutter, drawSelection, keymap }
  from "@codemirror/view";
import { EditorState } from "@codemirror/state";
import { StreamLanguage, syntaxHighlighting, defaultHighlightStyle, bracketMatching, indentOnInput }
  from "@codemirror/language";
import { history, defaultKeymap, historyKeymap } from "@codemirror/commands";
import { lintGutter, setDiagnostics } from "@codemirror/lint";
import { clike } from "@codemirror/legacy-modes/mode/clike";
import { autocompletion, completionKeymap } from "@codemirror/autocomplete";

/** Facts, fields and enums as rules/README.md documents them, read from it at build time. */
const VOCABULARY = __RULE_VOCABULARY__;

/**
 * Completes the word before the cursor: after "Enum." its values, else the documented facts,
 * enums, fields and methods (a method is inserted with its opening parenthesis).
 */
export function completeVocabulary(context) {
  const enumValue = context.matchBefore(/\b([A-Z]\w*)\.\w*$/);
  if (enumValue) {
    const [type] = enumValue.text.split(".");
    const values = VOCABULARY.enums[type];
    if (values) {
      return { from: enumValue.from + type.length + 1, options: values.map((v) => ({ label: v, type: "enum" })),
        validFor: /^\w*$/ };
    }
  }
  const word = context.matchBefore(/[A-Za-z_]\w*$/);
  if (!word && !context.explicit) return null;
  return {
    from: word ? word.from : context.pos,
    options: [
      ...VOCABULARY.types.map((name) => ({ label: name, type: VOCABULARY.enums[name] ? "enum" : "class" })),
      ...VOCABULARY.members.map((name) => ({ label: name.replace(/\($/, ""), apply: name,
        type: name.endsWith("(") ? "method" : "property" })),
    ],
    validFor: /^\w*$/,
  };
}

function words(text) {
  return Object.fromEntries(text.split(/\s+/).filter(Boolean).map((w) => [w, true]));
}

/** Drools' rule language, as a C-like mode with DRL's keywords. */
const drl = clike({
  name: "drl",
  keywords: words(`package import global function query declare rule when then end extends attributes
    salience agenda ruleflow activation group no loop lock on active dialect enabled duration timer
    not exists forall from collect accumulate eval and or in matches memberOf contains soundslike
    over entry point insert insertLogical modify update retract delete new return if else for while this`),
  types: words(`String int long double float boolean char Integer Long Double Boolean Object List Map Set
    Group Need Hold Veto Candidate ScoreAdjustment Note Now History PastSuggestion ContentKind Stage
    ActivityBand Trend Platform CommunityType Outcome`),
  blockKeywords: words("when then if else for while"),
  atoms: words("true false null"),
  hooks: {
    $: (stream) => {
      stream.eatWhile(/[\w$]/);
      return "variable-2";
    },
  },
});

/**
 * Creates an editor on parent with text; onChange(text) runs after each edit.
 * Answers {view, text(), setText(t), showErrors(errors), focus()}.
 */
export function drlEditor(parent, text, { label, onChange } = {}) {
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: text,
      extensions: [
        lineNumbers(), highlightActiveLineGutter(), highlightActiveLine(), drawSelection(), history(),
        indentOnInput(), bracketMatching(), lintGutter(),
        StreamLanguage.define(drl), syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
        autocompletion({ override: [completeVocabulary], activateOnTyping: false }),
        keymap.of([...completionKeymap, ...defaultKeymap, ...historyKeymap]),
        EditorView.lineWrapping,
        EditorView.cspNonce.of(document.querySelector('meta[name="csp-nonce"]')?.content ?? ""),
        EditorView.contentAttributes.of({ "aria-label": label ?? "DRL rule file", "aria-multiline": "true" }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged && onChange) onChange(update.state.doc.toString());
        }),
      ],
    }),
  });

  return {
    view,
    text: () => view.state.doc.toString(),
    setText(newText) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: newText } });
    },
    /** Marks errors [{line, column, message}] (1-based) in the text; an empty list clears them. */
    showErrors(errors) {
      const doc = view.state.doc;
      const diagnostics = errors.map((e) => {
        const line = doc.line(Math.min(Math.max(1, e.line || 1), doc.lines));
        const from = Math.min(line.to, line.from + Math.max(0, (e.column || 1) - 1));
        return { from, to: line.to > from ? line.to : from, severity: "error", message: e.message };
      });
      view.dispatch(setDiagnostics(view.state, diagnostics));
    },
    focus: () => view.focus(),
    destroy: () => view.destroy(),
  };
}
