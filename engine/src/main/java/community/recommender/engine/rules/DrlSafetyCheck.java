package community.recommender.engine.rules;

import community.recommender.engine.rules.sandbox.Allowlist;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Refuses DRL that could reach outside the decision: DRL consequences are Java, so a rule file is code.
 *
 * <p>Imports must come from an allowlist: the fact model, {@code java.util}, {@code java.time} and
 * {@code java.lang.Math}. Names that lead to the process, threads, reflection, files or the network
 * are refused wherever they appear, as are {@code function} blocks, globals and loops. Comments and
 * string literals are ignored, so a rule may still be called "Don't use System time".
 */
public final class DrlSafetyCheck {
  private static final String MODEL = "community.recommender.engine.model";
  private static final String IMPORT_RULE =
      "rules may import only the fact model (" + MODEL + ".*), java.util, java.time and java.lang.Math";

  private static final Pattern IMPORT = Pattern.compile("^(\\s*)import\\s+(static\\s+|function\\s+|accumulate\\s+)?([\\w.*$]+)",
      Pattern.MULTILINE);
  private static final List<Pattern> ALLOWED_IMPORTS = List.of(
      Pattern.compile(Pattern.quote(MODEL) + "\\.(\\*|[A-Z]\\w*)"),
      Pattern.compile("java\\.util\\.(\\*|[A-Z]\\w*)"),
      Pattern.compile("java\\.time(\\.(format|temporal))?\\.(\\*|[A-Z]\\w*)"),
      Pattern.compile("java\\.lang\\.Math"));

  private static final Pattern RULE = Pattern.compile("(?m)^\\s*rule\\s+(?!=)\\S");
  private static final Pattern MEMBER = Pattern.compile("\\s*\\.\\s*(\\w+)");

  /** Forbidden names, each with the reason shown to the operator. */
  private static final Map<Pattern, String> FORBIDDEN = forbidden();

  private DrlSafetyCheck() {}

  /** Every safety problem in {@code source}, with line and column; empty when it is safe. */
  public static List<RuleError> check(RuleSource source) {
    return check(source, Allowlist.standard());
  }

  /**
   * Every safety problem in {@code source} under {@code allowlist}: a name this check would refuse is
   * let through when the allowlist allows its class, since the compiled code is checked anyway.
   */
  public static List<RuleError> check(RuleSource source, Allowlist allowlist) {
    SourceLines lines = new SourceLines(source.text());
    List<RuleError> errors = new ArrayList<>(unicodeEscapes(source, lines));
    if (!errors.isEmpty()) {
      // The Java compiler reads these before anything else, so the text below is not what it compiles.
      return errors;
    }
    String code = blankCommentsAndStrings(source.text());
    Matcher imports = IMPORT.matcher(code);
    while (imports.find()) {
      String modifier = imports.group(2) == null ? "" : imports.group(2).strip();
      String name = imports.group(3);
      int at = imports.start() + imports.group(1).length();
      if (!modifier.isEmpty()) {
        errors.add(error(source, lines, at, "'import " + modifier + "' is not allowed; " + IMPORT_RULE));
      } else if (ALLOWED_IMPORTS.stream().noneMatch(p -> p.matcher(name).matches())) {
        errors.add(error(source, lines, at, "import " + name + " is not allowed; " + IMPORT_RULE));
      }
    }
    for (Map.Entry<Pattern, String> rule : FORBIDDEN.entrySet()) {
      Matcher use = rule.getKey().matcher(code);
      while (use.find()) {
        if (allowedMember(allowlist, code, use.group().strip(), use.end())) {
          continue;
        }
        if (!insideImport(code, use.start())) {
          errors.add(error(source, lines, use.start(), "'" + use.group().strip() + "' is not allowed: " + rule.getValue()));
        }
      }
    }
    errors.sort((a, b) -> a.line() != b.line() ? Integer.compare(a.line(), b.line()) : Integer.compare(a.column(), b.column()));
    return errors;
  }

  private static Map<Pattern, String> forbidden() {
    Map<Pattern, String> forbidden = new java.util.LinkedHashMap<>();
    String process = "rules may not touch the process or the JVM";
    String reflection = "rules may not use reflection or class loading";
    String io = "rules may not read or write files or use the network";
    String threads = "rules may not start threads or run work elsewhere";
    for (String name : List.of("System", "Runtime", "ProcessBuilder", "Process", "ProcessHandle", "Shutdown")) {
      forbidden.put(word(name), process);
    }
    for (String name : List.of("Class", "ClassLoader", "forName", "getClass", "getClassLoader", "getDeclaredMethod",
        "getDeclaredField", "getMethod", "getField", "setAccessible", "newInstance", "MethodHandles", "Unsafe",
        "ScriptEngine", "ScriptEngineManager")) {
      forbidden.put(word(name), reflection);
    }
    forbidden.put(Pattern.compile("\\.\\s*class\\b"), reflection);
    for (String name : List.of("File", "Files", "Path", "Paths", "FileInputStream", "FileOutputStream", "FileReader",
        "FileWriter", "RandomAccessFile", "Socket", "ServerSocket", "URL", "URI", "HttpClient", "InetAddress",
        "DatagramSocket")) {
      forbidden.put(word(name), io);
    }
    for (String name : List.of("Thread", "ThreadGroup", "Executors", "ExecutorService", "ForkJoinPool",
        "CompletableFuture", "Timer")) {
      forbidden.put(word(name), threads);
    }
    forbidden.put(Pattern.compile("\\b(java\\.(io|nio|net|lang\\.reflect|lang\\.invoke|util\\.concurrent)|javax|sun|jdk|com\\.sun)\\."),
        "rules may use only the fact model, java.util, java.time and java.lang.Math");
    forbidden.put(Pattern.compile("\\b(org\\.kie|org\\.drools|community\\.recommender\\.(?!engine\\.model\\b))[\\w.]*"),
        "rules may use only the fact model, java.util, java.time and java.lang.Math");
    forbidden.put(word("kcontext"), "rules may not reach the engine's runtime");
    forbidden.put(Pattern.compile("\\bdrools\\s*\\.\\s*(?!getRule\\b)\\w+"), "rules may only read drools.getRule()");
    forbidden.put(Pattern.compile("^\\s*function\\b", Pattern.MULTILINE),
        "function blocks are not allowed; put logic in patterns, or ask for a method on the fact model");
    forbidden.put(Pattern.compile("^\\s*global\\b", Pattern.MULTILINE), "globals are not allowed; rules see only facts");
    forbidden.put(Pattern.compile("\\b(while|do)\\b(?=\\s*[({])"), "loops are not allowed in consequences; match facts instead");
    forbidden.put(Pattern.compile("\\bfor\\s*\\("), "loops are not allowed in consequences; match facts instead");
    return forbidden;
  }

  /** How many rules {@code source} declares, counted on its text without comments and strings. */
  static long countRules(RuleSource source) {
    String code = blankCommentsAndStrings(source.text());
    return RULE.matcher(code).results().count();
  }

  /** Whether the name is a class whose member used right after it ({@code Name.member}) the allowlist allows. */
  private static boolean allowedMember(Allowlist allowlist, String code, String name, int end) {
    Matcher member = MEMBER.matcher(code);
    member.region(end, Math.min(code.length(), end + 200));
    return member.lookingAt() && allowlist.allows("java/lang/" + name, member.group(1), null);
  }

  private static Pattern word(String name) {
    return Pattern.compile("\\b" + name + "\\b");
  }

  private static boolean insideImport(String code, int offset) {
    int lineStart = code.lastIndexOf('\n', offset - 1) + 1;
    return code.substring(lineStart, offset).strip().startsWith("import");
  }

  private static RuleError error(RuleSource source, SourceLines lines, int offset, String message) {
    return new RuleError(source.file(), lines.lineOf(offset), lines.columnOf(offset), message);
  }

  /**
   * Every Java unicode escape ({@code \u0022}): the compiler turns them into characters before it reads
   * anything else, so {@code // \u000a code} is code, and a quote can end a string early.
   */
  private static List<RuleError> unicodeEscapes(RuleSource source, SourceLines lines) {
    List<RuleError> errors = new ArrayList<>();
    String text = source.text();
    int backslashes = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == 'u' && backslashes % 2 == 1) {
        errors.add(error(source, lines, i - 1, "unicode escapes (\\u...) are not allowed in rules; write the character itself"));
      }
      backslashes = c == '\\' ? backslashes + 1 : 0;
    }
    return errors;
  }

  /** The text with comments and string literals blanked to spaces, keeping every offset and line. */
  static String blankCommentsAndStrings(String text) {
    StringBuilder out = new StringBuilder(text);
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '/') {
        int end = text.indexOf('\n', i);
        i = blank(out, i, end < 0 ? text.length() : end);
      } else if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '*') {
        int end = text.indexOf("*/", i + 2);
        i = blank(out, i, end < 0 ? text.length() : end + 2);
      } else if (c == '"' || c == '\'') {
        int end = i + 1;
        while (end < text.length() && text.charAt(end) != c && text.charAt(end) != '\n') {
          end += text.charAt(end) == '\\' ? 2 : 1;
        }
        blank(out, i + 1, Math.min(end, text.length()));
        i = end + 1;
      } else {
        i++;
      }
    }
    return out.toString();
  }

  private static int blank(StringBuilder out, int from, int to) {
    for (int i = from; i < to; i++) {
      if (out.charAt(i) != '\n') {
        out.setCharAt(i, ' ');
      }
    }
    return to;
  }
}
