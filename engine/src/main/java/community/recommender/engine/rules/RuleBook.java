package community.recommender.engine.rules;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;

/**
 * Compiles sets of DRL files and holds the one that serves decisions.
 *
 * <p>Compiling is slow (about a second) and happens off the hot path; activation is a single
 * atomic swap, so a decision always runs against one whole rule set, never a mix.
 */
public final class RuleBook {
  private static final String SOURCE_ROOT = "src/main/resources/rules/";
  private static final String NULL_PACKAGE = "Parser returned a null Package";
  private static final Pattern PARSER_POSITION = Pattern.compile("Line (\\d+):(\\d+)");

  private final AtomicReference<RuleSet> active = new AtomicReference<>();

  /**
   * Checks {@code sources} for safety, then compiles them as one rule set; reports every error
   * with file, line and column.
   */
  public CompiledRules compile(List<RuleSource> sources) throws RuleCompilationException {
    if (sources.isEmpty()) {
      throw new RuleCompilationException(List.of(new RuleError("", 0, 0, "the rule set has no .drl files")));
    }
    List<RuleError> unsafe = new ArrayList<>();
    sources.forEach(source -> unsafe.addAll(DrlSafetyCheck.check(source)));
    if (!unsafe.isEmpty()) {
      throw new RuleCompilationException(unsafe);
    }
    KieServices kie = KieServices.Factory.get();
    // Each build gets its own release id: concurrent builds on a shared one overwrite each other.
    ReleaseId releaseId = kie.newReleaseId("community.recommender.rules", "build-" + UUID.randomUUID(), "1.0.0");
    KieFileSystem files = kie.newKieFileSystem();
    files.generateAndWritePomXML(releaseId);
    for (RuleSource source : sources) {
      files.write(SOURCE_ROOT + source.file(), source.text());
    }
    try {
      KieBuilder builder = kie.newKieBuilder(files).buildAll();
      List<RuleError> errors = new ArrayList<>();
      for (Message message : builder.getResults().getMessages(Message.Level.ERROR)) {
        errors.add(toError(message));
      }
      if (!errors.isEmpty()) {
        throw new RuleCompilationException(withoutEchoes(errors));
      }
      KieBase kieBase = kie.newKieContainer(releaseId).getKieBase();
      return new CompiledRules(sources, hash(sources), kieBase);
    } finally {
      kie.getRepository().removeKieModule(releaseId);
    }
  }

  /** Makes {@code rules} the set that serves decisions from now on, under {@code version}. */
  public RuleSet activate(CompiledRules rules, long version) {
    RuleSet set = new RuleSet(version, rules);
    active.set(set);
    return set;
  }

  /** The rule set serving decisions now. */
  public RuleSet active() {
    RuleSet set = active.get();
    if (set == null) {
      throw new IllegalStateException("no rule set has been activated");
    }
    return set;
  }

  /** Drops the parser's "null Package" echo, which only repeats that a file had a syntax error. */
  private static List<RuleError> withoutEchoes(List<RuleError> errors) {
    List<RuleError> real = errors.stream().filter(e -> !e.message().startsWith(NULL_PACKAGE)).toList();
    return real.isEmpty() ? errors : real;
  }

  private static RuleError toError(Message message) {
    String path = message.getPath() == null ? "" : message.getPath();
    String file = path.substring(path.lastIndexOf('/') + 1);
    String text = message.getText() == null ? "" : message.getText().strip();
    int line = Math.max(0, message.getLine());
    int column = Math.max(0, message.getColumn());
    // Parser errors carry their column only in the text, as "Line 12:7 ...".
    Matcher position = PARSER_POSITION.matcher(text);
    if (column == 0 && position.find() && Integer.parseInt(position.group(1)) == line) {
      column = Integer.parseInt(position.group(2));
    }
    return new RuleError(file, line, column, text);
  }

  /** A SHA-256 over the file names and texts, independent of the order they were given in. */
  static String hash(List<RuleSource> sources) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (RuleSource source : sources.stream().sorted(Comparator.comparing(RuleSource::file)).toList()) {
        digest.update(source.file().getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update(source.text().getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
