package community.recommender.engine.rules;

import community.recommender.engine.rules.sandbox.BytecodeVerifier;
import community.recommender.engine.rules.sandbox.Violation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kie.api.builder.Message;

/**
 * Places what the compiler and the sandbox report at the line and column of the DRL that caused it,
 * in plain words first and the tool's own text after.
 */
final class ErrorLocator {
  private static final Pattern ANALYSE = Pattern.compile("Unable to Analyse Expression (.*?):?\\s*$", Pattern.DOTALL);
  private static final Pattern PARSER_POSITION = Pattern.compile("Line (\\d+):(\\d+)");
  private static final Pattern JAVA_SOURCE = Pattern.compile("Java source of (\\S+) in error:\\s*(.*)", Pattern.DOTALL);
  private static final Pattern PATTERN_TYPE = Pattern.compile("\\b([A-Z]\\w*)\\s*\\(");
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][\\w$]*");
  private static final Set<String> COMMON = Set.of("drools", "return", "new", "org", "model", "java", "lang", "util",
      "public", "static", "final", "class", "void", "String", "Object", "Group", "modelcompiler", "dsl", "pattern",
      "expr", "from", "rule", "build", "execute", "bind", "var_", "this", "Rule", "Unhandled", "exception", "type",
      "method", "the", "cannot", "resolved", "undefined", "for", "not", "visible", "nested");

  private final List<DrlOutline> outlines;
  private final Map<String, String> blanked = new java.util.HashMap<>();

  ErrorLocator(List<DrlOutline> outlines) {
    this.outlines = outlines;
    for (DrlOutline outline : outlines) {
      blanked.put(outline.source().file(), DrlSafetyCheck.blankCommentsAndStrings(outline.source().text()));
    }
  }

  /** The compiler's errors, one per mistake, each placed in the DRL. */
  List<RuleError> compilerErrors(List<Message> messages) {
    Map<String, String> javaSources = new java.util.HashMap<>();
    for (Message message : messages) {
      Matcher source = JAVA_SOURCE.matcher(text(message));
      if (source.find()) {
        javaSources.put(source.group(1), source.group(2));
      }
    }
    Set<RuleError> errors = new LinkedHashSet<>();
    for (Message message : messages) {
      String text = text(message);
      if (JAVA_SOURCE.matcher(text).find() || text.startsWith("Parser returned a null Package")) {
        continue;
      }
      String path = message.getPath() == null ? "" : message.getPath();
      String file = path.substring(path.lastIndexOf('/') + 1);
      if (path.endsWith(".java") || outlines.stream().noneMatch(o -> o.source().file().equals(file))) {
        errors.add(javaError(message, text, javaSources.get(path), path));
      } else {
        errors.add(drlError(message, text));
      }
    }
    if (errors.isEmpty()) {
      for (Message message : messages) {
        errors.add(drlError(message, text(message)));
      }
    }
    return List.copyOf(errors);
  }

  private static String text(Message message) {
    return message.getText() == null ? "" : message.getText().strip();
  }

  private RuleError drlError(Message message, String text) {
    String path = message.getPath() == null ? "" : message.getPath();
    DrlOutline outline = outlineOf(path.substring(path.lastIndexOf('/') + 1));
    String file = outline.source().file();
    SourceLines lines = outline.lines();
    Matcher analyse = ANALYSE.matcher(text);
    if (analyse.find()) {
      String expression = analyse.group(1).strip();
      int at = findExpression(outline, expression, message.getLine());
      if (at >= 0) {
        String type = patternTypeBefore(blanked.get(file), at);
        Optional<Diagnoses.Finding> finding = Diagnoses.explainExpression(type, expression);
        int offset = at + finding.map(Diagnoses.Finding::offsetInExpression).orElse(0);
        String plain = finding.map(Diagnoses.Finding::message).orElse("this constraint cannot be understood: " + expression);
        return new RuleError(file, lines.lineOf(offset), lines.columnOf(offset), plain + " (Drools: " + oneLine(text) + ")");
      }
    }
    int line = Math.max(1, message.getLine());
    int column = Math.max(1, message.getColumn());
    Matcher position = PARSER_POSITION.matcher(text);
    if (position.find()) {
      line = Math.max(1, Integer.parseInt(position.group(1)));
      column = Integer.parseInt(position.group(2)) + 1;
    }
    String plain = text.contains("[ERR") ? Diagnoses.plainSyntax(text) : "this rule cannot be compiled";
    return new RuleError(file, line, column, plain + " (Drools: " + oneLine(text) + ")");
  }

  /** Where {@code expression} is written, searching from the line Drools named (or anywhere when it named none). */
  private int findExpression(DrlOutline outline, String expression, int line) {
    String text = outline.source().text();
    int from = line >= 1 ? outline.lines().offsetOf(line, 1) : 0;
    int at = text.indexOf(expression, from);
    if (at < 0) {
      at = text.indexOf(expression);
    }
    if (at < 0) {
      Pattern loose = Pattern.compile(Pattern.quote(expression).replace(" ", "\\E\\s*\\Q"));
      Matcher m = loose.matcher(text);
      at = m.find(from) ? m.start() : (m.find(0) ? m.start() : -1);
    }
    return at;
  }

  private static String patternTypeBefore(String code, int offset) {
    Matcher m = PATTERN_TYPE.matcher(code);
    String type = null;
    int depth;
    int start = Math.max(0, code.lastIndexOf('\n', Math.max(0, offset - 1)) - 400);
    m.region(start, offset);
    while (m.find()) {
      depth = 0;
      for (int i = m.end(); i < offset; i++) {
        char c = code.charAt(i);
        depth += c == '(' ? 1 : c == ')' ? -1 : 0;
      }
      if (depth >= 0) {
        type = m.group(1);
      }
    }
    return type;
  }

  private RuleError javaError(Message message, String text, String javaSource, String path) {
    String token = null;
    String sourceLine = null;
    if (javaSource != null) {
      String[] javaLines = javaSource.split("\n", -1);
      int line = message.getLine();
      if (line >= 1 && line <= javaLines.length) {
        sourceLine = javaLines[line - 1];
      }
      int column = message.getColumn();
      if (column >= 0 && column < javaSource.length()) {
        token = identifierAt(javaSource, column);
      }
    }
    Matcher unresolved = Pattern.compile("^(\\S+) cannot be resolved").matcher(text);
    if (unresolved.find()) {
      token = unresolved.group(1);
    } else if (token == null) {
      Matcher method = Pattern.compile("The method (\\w+)").matcher(text);
      token = method.find() ? method.group(1) : null;
    }
    String plain = Diagnoses.plainJava(text);
    String suffix = plain.equals(text) ? "" : " (Java: " + oneLine(text) + ")";
    String simpleName = path.endsWith(".java") ? path.substring(path.lastIndexOf('/') + 1, path.length() - 5) : "";
    String word = token;
    String line = sourceLine != null ? sourceLine : path.isEmpty() ? text : null;
    Located located = declaredType(simpleName, word).orElseGet(() -> locateCode(word, line));
    return new RuleError(located.file, located.line, located.column, plain + suffix);
  }

  private static String identifierAt(String text, int offset) {
    int start = offset;
    while (start > 0 && Character.isJavaIdentifierPart(text.charAt(start - 1))) {
      start--;
    }
    Matcher m = IDENTIFIER.matcher(text);
    return m.find(start) && m.start() <= offset + 1 ? m.group() : null;
  }

  /** The place in the {@code declare} block that generated the class {@code simpleName}, if one did. */
  private Optional<Located> declaredType(String simpleName, String token) {
    for (DrlOutline outline : outlines) {
      Optional<DrlOutline.Part> type = outline.find(DrlOutline.Kind.TYPE, simpleName);
      if (type.isPresent()) {
        return Optional.of(at(outline, type.get(), token));
      }
    }
    return Optional.empty();
  }

  /**
   * Finds the DRL behind generated code: the part whose text holds the generated line, else the part
   * sharing most names with it, else the first part naming the token, else a declared type.
   */
  private Located locateCode(String token, String generatedLine) {
    String wanted = generatedLine == null ? null : squeeze(generatedLine.replace("drools.", ""));
    if (wanted != null && !wanted.isEmpty()) {
      for (DrlOutline outline : outlines) {
        for (DrlOutline.Part part : outline.parts()) {
          String body = outline.source().text().substring(part.start(), part.end());
          if (squeeze(body.replace("drools.", "")).contains(wanted)) {
            return at(outline, part, token);
          }
        }
      }
    }
    Optional<Located> closest = closestPart(generatedLine, token);
    if (closest.isPresent()) {
      return closest.get();
    }
    for (DrlOutline outline : outlines) {
      String code = blanked.get(outline.source().file());
      for (DrlOutline.Part part : outline.parts()) {
        if (token != null && containsWord(code.substring(part.start(), part.end()), token)) {
          return at(outline, part, token);
        }
      }
    }
    for (DrlOutline outline : outlines) {
      for (DrlOutline.Part part : outline.parts()) {
        if (part.kind() == DrlOutline.Kind.TYPE) {
          return at(outline, part, token);
        }
      }
    }
    DrlOutline first = outlines.get(0);
    return first.parts().isEmpty() ? new Located(first.source().file(), 1, 1) : at(first, first.parts().get(0), token);
  }

  /** The part sharing the most names with the generated line: where the code most likely came from. */
  private Optional<Located> closestPart(String generatedLine, String token) {
    if (generatedLine == null) {
      return Optional.empty();
    }
    Set<String> names = new java.util.HashSet<>();
    Matcher m = IDENTIFIER.matcher(generatedLine);
    while (m.find()) {
      String name = m.group();
      if (name.length() >= 3 && !COMMON.contains(name)) {
        names.add(name);
      }
    }
    DrlOutline bestOutline = null;
    DrlOutline.Part bestPart = null;
    int bestScore = 0;
    for (DrlOutline outline : outlines) {
      for (DrlOutline.Part part : outline.parts()) {
        String body = outline.source().text().substring(part.start(), part.end());
        int score = (int) names.stream().filter(n -> containsWord(body, n)).count();
        if (score > bestScore) {
          bestScore = score;
          bestOutline = outline;
          bestPart = part;
        }
      }
    }
    return bestPart == null ? Optional.empty() : Optional.of(at(bestOutline, bestPart, token));
  }

  private static String squeeze(String text) {
    return text.replaceAll("\\s+", "");
  }

  private static boolean containsWord(String text, String word) {
    return Pattern.compile("(?<![\\w$])" + Pattern.quote(word) + "(?![\\w$])").matcher(text).find();
  }

  /** The sandbox's refusals, each placed at the DRL that produced the refused code. */
  List<RuleError> violations(BytecodeVerifier.Report report) {
    Set<RuleError> errors = new LinkedHashSet<>();
    for (Violation violation : report.violations()) {
      Located located = locate(violation, report.referrers());
      errors.add(new RuleError(located.file, located.line, located.column, violation.message()));
    }
    List<RuleError> sorted = new ArrayList<>(errors);
    sorted.sort(java.util.Comparator.comparing(RuleError::file).thenComparingInt(RuleError::line).thenComparingInt(RuleError::column));
    return sorted;
  }

  private Located locate(Violation violation, Map<String, String> referrers) {
    String className = violation.className();
    String method = violation.method();
    for (int depth = 0; depth < 8; depth++) {
      Optional<Located> found = owningPart(className, method, violation.hint());
      if (found.isPresent()) {
        return found.get();
      }
      String referrer = referrers.get(className);
      if (referrer == null) {
        break;
      }
      className = referrer.substring(0, referrer.indexOf('#'));
      method = referrer.substring(referrer.indexOf('#') + 1);
    }
    return locateCode(firstHintWord(violation.hint()), null);
  }

  private Optional<Located> owningPart(String className, String method, String hint) {
    String simple = className.substring(className.lastIndexOf('/') + 1);
    for (DrlOutline outline : outlines) {
      if (method.startsWith("rule_")) {
        Optional<DrlOutline.Part> rule = outline.ruleByEncodedName(method.substring("rule_".length()));
        if (rule.isPresent()) {
          return Optional.of(at(outline, rule.get(), hint));
        }
      }
      Optional<DrlOutline.Part> type = outline.find(DrlOutline.Kind.TYPE, simple);
      if (type.isPresent()) {
        return Optional.of(at(outline, type.get(), hint));
      }
      Optional<DrlOutline.Part> function = outline.find(DrlOutline.Kind.FUNCTION, method);
      if (function.isPresent()) {
        return Optional.of(at(outline, function.get(), hint));
      }
    }
    return Optional.empty();
  }

  /** The place of {@code hint} inside {@code part}, or of the part's first line of code after its header. */
  private Located at(DrlOutline outline, DrlOutline.Part part, String hint) {
    String code = blanked.get(outline.source().file());
    int offset = -1;
    if (hint != null && !hint.isEmpty()) {
      Matcher m = hintPattern(hint).matcher(code);
      m.region(part.start(), part.end());
      if (m.find()) {
        offset = m.start();
      }
    }
    if (offset < 0) {
      int newline = code.indexOf('\n', part.start());
      offset = newline < 0 || newline >= part.end() ? part.start() : firstNonBlank(code, newline + 1, part.end());
    }
    SourceLines lines = outline.lines();
    return new Located(outline.source().file(), lines.lineOf(offset), lines.columnOf(offset));
  }

  private static int firstNonBlank(String code, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!Character.isWhitespace(code.charAt(i))) {
        return i;
      }
    }
    return from;
  }

  private static Pattern hintPattern(String hint) {
    StringBuilder regex = new StringBuilder();
    for (String word : hint.split("\\|")) {
      if (regex.length() > 0) {
        regex.append('|');
      }
      regex.append(word.matches("[\\w$]+") ? "(?<![\\w$])" + Pattern.quote(word) + "(?![\\w$])" : Pattern.quote(word));
    }
    return Pattern.compile(regex.toString());
  }

  private static String firstHintWord(String hint) {
    return hint == null ? null : hint.split("\\|")[0];
  }

  private DrlOutline outlineOf(String file) {
    return outlines.stream().filter(o -> o.source().file().equals(file)).findFirst().orElse(outlines.get(0));
  }

  private static String oneLine(String text) {
    String line = text.replaceAll("\\s+", " ").strip();
    return line.length() > 300 ? line.substring(0, 300) + "…" : line;
  }

  private record Located(String file, int line, int column) {}
}
