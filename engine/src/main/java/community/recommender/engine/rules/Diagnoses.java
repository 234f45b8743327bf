package community.recommender.engine.rules;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Plain-words explanations of the mistakes Drools reports in its own terms. */
final class Diagnoses {
  private static final String MODEL = "community.recommender.engine.model.";
  private static final Pattern PATH = Pattern.compile("(?<![\\w$.\"])([A-Za-z_][\\w]*(?:\\s*\\.\\s*[A-Za-z_][\\w]*)*)(?![\\w(])");
  private static final Pattern NO_VIABLE = Pattern.compile("no viable alternative at input '(.*?)'");
  private static final Pattern MISMATCHED = Pattern.compile("mismatched input '(.*?)'");
  private static final Pattern MISSING = Pattern.compile("missing (.+?) at '(.*?)'");
  private static final Pattern EXTRANEOUS = Pattern.compile("extraneous input '(.*?)'");
  private static final Pattern UNRESOLVED = Pattern.compile("^(\\S+) cannot be resolved(?: to a (?:type|variable))?$");
  private static final Pattern UNDEFINED_METHOD = Pattern.compile("^The method (\\w+)\\((.*?)\\) is undefined for the type (\\w+)$");

  private Diagnoses() {}

  /** The gist of a parser message, such as {@code unexpected ')'}. */
  static String plainSyntax(String drools) {
    Matcher m = NO_VIABLE.matcher(drools);
    if (m.find()) {
      return "syntax error: unexpected '" + lastToken(m.group(1)) + "'";
    }
    m = MISMATCHED.matcher(drools);
    if (m.find()) {
      return "syntax error: unexpected '" + m.group(1) + "'";
    }
    m = MISSING.matcher(drools);
    if (m.find()) {
      return "syntax error: " + m.group(1) + " is missing before '" + m.group(2) + "'";
    }
    m = EXTRANEOUS.matcher(drools);
    if (m.find()) {
      return "syntax error: '" + m.group(1) + "' does not belong here";
    }
    return "syntax error";
  }

  private static String lastToken(String input) {
    String trimmed = input.strip();
    int space = trimmed.lastIndexOf(' ');
    return space < 0 ? trimmed : trimmed.substring(space + 1);
  }

  /** The gist of a Java compiler message about a consequence. */
  static String plainJava(String java) {
    Matcher m = UNRESOLVED.matcher(java);
    if (m.matches()) {
      return "'" + m.group(1) + "' is not known here: use a fact's field, a bound $variable or a type of the fact model";
    }
    m = UNDEFINED_METHOD.matcher(java);
    if (m.matches()) {
      return m.group(3) + " has no method " + m.group(1) + "(" + m.group(2) + ")";
    }
    return java;
  }

  /** A mistake found in a constraint: where in the expression it is, and what it is in plain words. */
  record Finding(int offsetInExpression, String message) {}

  /**
   * Looks for the first name in {@code expression} that the fact {@code typeName} cannot resolve:
   * a misspelt field ({@code activty}), or an enum value written without its type ({@code FALLING}).
   */
  static Optional<Finding> explainExpression(String typeName, String expression) {
    Optional<Class<?>> type = modelClass(typeName);
    Matcher m = PATH.matcher(blankStrings(expression));
    while (m.find()) {
      String path = m.group(1);
      List<String> segments = new ArrayList<>();
      List<Integer> offsets = new ArrayList<>();
      Matcher seg = Pattern.compile("[A-Za-z_]\\w*").matcher(path);
      while (seg.find()) {
        segments.add(seg.group());
        offsets.add(m.start(1) + seg.start());
      }
      String first = segments.get(0);
      if (isKeyword(first)) {
        continue;
      }
      Optional<Class<?>> asType = modelClass(first);
      if (asType.isPresent() && asType.get().isEnum()) {
        if (segments.size() > 1 && constantsOf(asType.get()).stream().noneMatch(segments.get(1)::equals)) {
          return Optional.of(new Finding(offsets.get(1), asType.get().getSimpleName() + " has no value '" + segments.get(1) + "'"
              + didYouMean(segments.get(1), constantsOf(asType.get()))));
        }
        continue;
      }
      if (asType.isPresent() || Character.isUpperCase(first.charAt(0)) && segments.size() > 1) {
        continue;
      }
      Optional<Class<?>> enumOwner = enumHolding(first);
      if (segments.size() == 1 && enumOwner.isPresent() && (type.isEmpty() || property(type.get(), first).isEmpty())) {
        return Optional.of(new Finding(offsets.get(0), "'" + first + "' needs its type in front: write "
            + enumOwner.get().getSimpleName() + "." + first));
      }
      if (type.isEmpty()) {
        continue;
      }
      Class<?> current = type.get();
      for (int i = 0; i < segments.size(); i++) {
        Optional<Class<?>> next = property(current, segments.get(i));
        if (next.isEmpty()) {
          return Optional.of(new Finding(offsets.get(i), current.getSimpleName() + " has no field '" + segments.get(i) + "'"
              + didYouMean(segments.get(i), propertiesOf(current))));
        }
        current = next.get();
      }
    }
    return Optional.empty();
  }

  private static boolean isKeyword(String word) {
    return switch (word) {
      case "this", "null", "true", "false", "contains", "memberOf", "matches", "soundslike", "in", "not", "str", "after",
          "before", "coincides", "during", "excludes", "finishes", "includes", "meets", "overlaps", "starts" -> true;
      default -> false;
    };
  }

  private static String blankStrings(String text) {
    StringBuilder out = new StringBuilder(text);
    boolean inside = false;
    for (int i = 0; i < out.length(); i++) {
      char c = out.charAt(i);
      if (c == '"') {
        inside = !inside;
      } else if (inside) {
        out.setCharAt(i, ' ');
      }
    }
    return out.toString();
  }

  static Optional<Class<?>> modelClass(String simpleName) {
    if (simpleName == null || simpleName.isEmpty() || !Character.isUpperCase(simpleName.charAt(0))) {
      return Optional.empty();
    }
    try {
      return Optional.of(Class.forName(MODEL + simpleName, false, Diagnoses.class.getClassLoader()));
    } catch (ClassNotFoundException | LinkageError e) {
      return Optional.empty();
    }
  }

  private static final List<String> ENUMS = List.of("ActivityBand", "Trend", "Stage", "ContentKind", "Platform",
      "CommunityType", "ContentStatus", "Outcome");

  private static Optional<Class<?>> enumHolding(String constant) {
    for (String name : ENUMS) {
      Optional<Class<?>> type = modelClass(name);
      if (type.isPresent() && type.get().isEnum() && constantsOf(type.get()).contains(constant)) {
        return type;
      }
    }
    return Optional.empty();
  }

  private static List<String> constantsOf(Class<?> enumType) {
    List<String> names = new ArrayList<>();
    for (Field field : enumType.getFields()) {
      if (field.isEnumConstant()) {
        names.add(field.getName());
      }
    }
    return names;
  }

  /** The type a property of {@code type} reads as: a getter, a boolean is-getter, a method or a public field. */
  private static Optional<Class<?>> property(Class<?> type, String name) {
    String capital = Character.toUpperCase(name.charAt(0)) + name.substring(1);
    for (Method method : type.getMethods()) {
      if (method.getParameterCount() == 0 && !Modifier.isStatic(method.getModifiers())
          && (method.getName().equals("get" + capital) || method.getName().equals("is" + capital) || method.getName().equals(name))) {
        return Optional.of(method.getReturnType());
      }
    }
    for (Method method : type.getMethods()) {
      if (method.getName().equals(name)) {
        return Optional.of(method.getReturnType());
      }
    }
    try {
      return Optional.of(type.getField(name).getType());
    } catch (NoSuchFieldException e) {
      return Optional.empty();
    }
  }

  private static List<String> propertiesOf(Class<?> type) {
    TreeSet<String> names = new TreeSet<>();
    for (Method method : type.getMethods()) {
      if (method.getDeclaringClass() == Object.class || Modifier.isStatic(method.getModifiers())) {
        continue;
      }
      String name = method.getName();
      if (name.startsWith("get") && name.length() > 3 && method.getParameterCount() == 0) {
        names.add(Character.toLowerCase(name.charAt(3)) + name.substring(4));
      } else if (name.startsWith("is") && name.length() > 2 && method.getParameterCount() == 0) {
        names.add(Character.toLowerCase(name.charAt(2)) + name.substring(3));
      } else {
        names.add(name);
      }
    }
    return List.copyOf(names);
  }

  private static String didYouMean(String wrong, List<String> options) {
    return options.stream()
        .filter(o -> distance(wrong.toLowerCase(), o.toLowerCase()) <= Math.max(1, wrong.length() / 3))
        .min(Comparator.comparingInt(o -> distance(wrong.toLowerCase(), o.toLowerCase())))
        .map(o -> "; did you mean '" + o + "'?")
        .orElse("");
  }

  /** The Levenshtein distance between two short words. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
