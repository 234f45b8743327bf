package community.recommender.engine.rules;

import java.lang.ref.SoftReference;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What compiling and verifying exact rule sets came to, by the rule set and allowlist, so that
 * compiling the same set again costs nothing: the verified rule base, or the errors it was refused
 * with.
 *
 * <p>A key holds every file's full name and text (not a hash of them) and the allowlist's exact
 * entries, so a hit is always what the same sources compile to under the same allowlist, and a rule
 * base is stored only once it passed verification. A refusal is stored only when the compiler or the
 * verifier made it, never a timeout. A rule base is immutable once built and every decision takes a
 * session of its own from its pool, so rule books may share one. The cache keeps the few most recently used
 * sets, and softly, so memory pressure can take them back.
 */
final class CompiledRuleCache {
  private final int capacity;
  private final Map<Key, SoftReference<Outcome>> entries;

  CompiledRuleCache(int capacity) {
    this.capacity = capacity;
    this.entries = new LinkedHashMap<>(capacity * 2, 0.75f, true);
  }

  /** What compiling exactly {@code sources} under the allowlist {@code allowlist} came to before. */
  synchronized Optional<Outcome> get(List<RuleSource> sources, String allowlist) {
    SoftReference<Outcome> entry = entries.get(new Key(sorted(sources), allowlist));
    return Optional.ofNullable(entry == null ? null : entry.get());
  }

  /**
   * Remembers a rule base that compiled from {@code sources} and passed verification under {@code allowlist},
   * with the pool of its sessions.
   */
  void verified(List<RuleSource> sources, String allowlist, SessionPool sessions) {
    put(sources, allowlist, new Outcome(sessions, null));
  }

  /** Remembers that the compiler or the verifier refused {@code sources} under {@code allowlist}. */
  void refused(List<RuleSource> sources, String allowlist, List<RuleError> errors) {
    put(sources, allowlist, new Outcome(null, List.copyOf(errors)));
  }

  private synchronized void put(List<RuleSource> sources, String allowlist, Outcome outcome) {
    entries.put(new Key(sorted(sources), allowlist), new SoftReference<>(outcome));
    entries.values().removeIf(reference -> reference.get() == null);
    Iterator<Key> eldest = entries.keySet().iterator();
    while (entries.size() > capacity && eldest.hasNext()) {
      eldest.next();
      eldest.remove();
    }
  }

  private static List<RuleSource> sorted(List<RuleSource> sources) {
    return sources.stream().sorted(Comparator.comparing(RuleSource::file)).toList();
  }

  /**
   * A rule set's outcome: its verified rule base, or the errors it was refused with.
   *
   * @param sessions the verified rule base with its sessions, or null when refused
   * @param refusal the errors, or null when verified
   */
  record Outcome(SessionPool sessions, List<RuleError> refusal) {}

  /** A rule set's files, sorted by name, and the allowlist it was verified against. */
  private record Key(List<RuleSource> sources, String allowlist) {}
}
