package community.recommender.engine.rules;

import java.lang.ref.SoftReference;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kie.api.KieBase;

/**
 * Rule bases already compiled and verified, by the exact rule set and allowlist they came from, so
 * that compiling the same set again costs nothing.
 *
 * <p>A key holds every file's full name and text (not a hash of them) and the allowlist's exact
 * entries, so a hit is always the code the same sources compile to under the same allowlist, and only
 * code that passed verification is ever stored. A rule base is immutable once built and every
 * decision opens a session of its own on it, so rule books may share one. The cache keeps the few
 * most recently used sets, and softly, so memory pressure can take them back.
 */
final class CompiledRuleCache {
  private final int capacity;
  private final Map<Key, SoftReference<KieBase>> entries;

  CompiledRuleCache(int capacity) {
    this.capacity = capacity;
    this.entries = new LinkedHashMap<>(capacity * 2, 0.75f, true);
  }

  /** The rule base compiled earlier from exactly {@code sources} under the allowlist {@code allowlist}. */
  synchronized Optional<KieBase> get(List<RuleSource> sources, String allowlist) {
    SoftReference<KieBase> entry = entries.get(new Key(sorted(sources), allowlist));
    return Optional.ofNullable(entry == null ? null : entry.get());
  }

  /** Remembers a rule base that compiled from {@code sources} and passed verification under {@code allowlist}. */
  synchronized void put(List<RuleSource> sources, String allowlist, KieBase kieBase) {
    entries.put(new Key(sorted(sources), allowlist), new SoftReference<>(kieBase));
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

  /** A rule set's files, sorted by name, and the allowlist it was verified against. */
  private record Key(List<RuleSource> sources, String allowlist) {}
}
