package community.recommender.engine.rules.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The (class, member) pairs that code compiled from rules may use, read from {@code allowlist.txt}.
 *
 * <p>Class names here are internal names ({@code java/lang/String}); members are names, or names
 * with their argument descriptor ({@code <init>()}) where only some overloads are safe.
 */
public final class Allowlist {
  private static final String RESOURCE = "allowlist.txt";

  private final Map<String, Entry> classes = new HashMap<>();
  private final Map<String, Entry> packages = new HashMap<>();
  private final Map<String, Set<String>> refused = new HashMap<>();

  private Allowlist() {}

  /** The allowlist that ships with the server, documented in rules/README.md. */
  public static Allowlist standard() {
    try (InputStream in = Allowlist.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the rules allowlist " + RESOURCE + " is missing from the jar");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads an allowlist in the format of {@code allowlist.txt}. */
  public static Allowlist parse(String text) {
    Allowlist list = new Allowlist();
    for (String raw : text.split("\n")) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] words = line.split("\\s+");
      boolean refusal = words[0].startsWith("!");
      String name = (refusal ? words[0].substring(1) : words[0]).replace('.', '/');
      if (refusal) {
        Set<String> members = list.refused.computeIfAbsent(name, k -> new HashSet<>());
        for (int i = 1; i < words.length; i++) {
          members.add(words[i]);
        }
        continue;
      }
      Entry entry = new Entry();
      for (int i = 1; i < words.length; i++) {
        entry.add(words[i]);
      }
      if (name.endsWith("/*")) {
        list.packages.merge(name.substring(0, name.length() - 2), entry, Entry::merge);
      } else {
        list.classes.merge(name, entry, Entry::merge);
      }
    }
    return list;
  }

  /** A copy of this list that also allows {@code member} of {@code className}; for tests of the limits. */
  public Allowlist with(String className, String member) {
    Allowlist copy = new Allowlist();
    classes.forEach((k, v) -> copy.classes.put(k, new Entry().merge(v)));
    packages.forEach((k, v) -> copy.packages.put(k, new Entry().merge(v)));
    refused.forEach((k, v) -> copy.refused.put(k, new HashSet<>(v)));
    String name = className.replace('.', '/');
    Entry entry = new Entry();
    entry.add(member);
    copy.classes.merge(name, entry, Entry::merge);
    Set<String> refusals = copy.refused.get(name);
    if (refusals != null) {
      refusals.remove(member);
    }
    return copy;
  }

  /**
   * Every entry of the list in one canonical text, the same for lists that allow and refuse the same
   * things however they were written; compiled rules are reused only under an identical list.
   */
  public String canonical() {
    StringBuilder text = new StringBuilder();
    new TreeMap<>(classes).forEach((name, entry) -> text.append(name).append(' ').append(entry.canonical()).append('\n'));
    new TreeMap<>(packages).forEach((name, entry) -> text.append(name).append("/* ").append(entry.canonical())
        .append('\n'));
    new TreeMap<>(refused).forEach((name, members) -> text.append('!').append(name).append(' ')
        .append(new TreeSet<>(members)).append('\n'));
    return text.toString();
  }

  /** Whether the list names {@code className} at all, so that it may appear as a type. */
  public boolean knows(String className) {
    return classes.containsKey(className) || packages.containsKey(packageOf(className));
  }

  /** Whether {@code member} (with {@code descriptor}, may be null) of exactly {@code className} is allowed. */
  public boolean allows(String className, String member, String descriptor) {
    Set<String> no = refused.get(className);
    if (no != null && no.contains(member)) {
      return false;
    }
    Entry entry = classes.get(className);
    if (entry == null) {
      entry = packages.get(packageOf(className));
    }
    return entry != null && entry.allows(member, descriptor);
  }

  /**
   * Whether the list names {@code member} of {@code className} itself (not through "*"), so that a
   * method the class inherits from a type the list does not name is allowed through it.
   */
  public boolean allowsByName(String className, String member, String descriptor) {
    Entry entry = classes.get(className);
    return entry != null && !refuses(className, member) && entry.allowsByName(member, descriptor);
  }

  /** Whether {@code member} of {@code className} is refused outright, whatever else allows it. */
  public boolean refuses(String className, String member) {
    Set<String> no = refused.get(className);
    return no != null && no.contains(member);
  }

  private static String packageOf(String className) {
    int slash = className.lastIndexOf('/');
    return slash < 0 ? "" : className.substring(0, slash);
  }

  /** The members allowed of one class or package. */
  private static final class Entry {
    private boolean all;
    private final Set<String> names = new HashSet<>();
    private final Set<String> signatures = new HashSet<>();

    void add(String member) {
      if (member.equals("*")) {
        all = true;
      } else if (member.contains("(")) {
        signatures.add(member);
      } else {
        names.add(member);
      }
    }

    String canonical() {
      return (all ? "* " : "") + new TreeSet<>(names) + " " + new TreeSet<>(signatures);
    }

    Entry merge(Entry other) {
      all |= other.all;
      names.addAll(other.names);
      signatures.addAll(other.signatures);
      return this;
    }

    boolean allows(String member, String descriptor) {
      return all || allowsByName(member, descriptor);
    }

    boolean allowsByName(String member, String descriptor) {
      if (names.contains(member)) {
        return true;
      }
      if (descriptor == null || !descriptor.startsWith("(")) {
        return false;
      }
      return signatures.contains(member + descriptor.substring(0, descriptor.indexOf(')') + 1));
    }
  }
}
