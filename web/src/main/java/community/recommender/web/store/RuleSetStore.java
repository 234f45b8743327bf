package community.recommender.web.store;

import community.recommender.engine.rules.CompiledRules;
import community.recommender.engine.rules.RuleSource;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every rule set ever activated, as numbered versions with their files. */
public interface RuleSetStore {

  /**
   * The version under which {@code rules} are recorded: the latest version when it has the same
   * content, or a new version otherwise.
   */
  Future<Long> record(CompiledRules rules, String author, String note);

  /** As {@link #record(CompiledRules, String, String)}, without a change note. */
  default Future<Long> record(CompiledRules rules, String author) {
    return record(rules, author, null);
  }

  /** Every recorded version, newest first, without the file texts. */
  Future<List<Version>> list();

  /** One version with its files, or empty when there is no such version. */
  Future<Optional<Version>> find(long version);

  /** Whether a set with {@code contentHash} was ever recorded. */
  Future<Boolean> wasRecorded(String contentHash);

  /** The newest recorded version with its files, or empty before the first. */
  Future<Optional<Version>> newest();

  /** A recorded rule set: who activated it, when, with what change note (or null), and its files by name. */
  record Version(long version, String contentHash, String author, Instant createdAt, String note,
      Map<String, String> files) {

    /** The files as rule sources, sorted by name. */
    public List<RuleSource> sources() {
      return files.entrySet().stream().map(e -> new RuleSource(e.getKey(), e.getValue())).toList();
    }
  }
}
