package community.recommender.engine.rules;

import community.recommender.engine.rules.sandbox.Allowlist;
import community.recommender.engine.rules.sandbox.BytecodeVerifier;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;

/**
 * Compiles sets of DRL files into verified Java classes and holds the set that serves decisions.
 *
 * <p>Every rule set goes through the same steps, wherever it comes from: its size is checked, its
 * text is parsed, Drools' executable model turns all of it into Java classes, and every generated
 * class is verified against the {@link Allowlist}. Only then are the classes loaded, so nothing an
 * operator wrote runs before it is verified. Compiling is slow (about a second) and happens off the
 * hot path; activation is a single atomic swap, so a decision always runs against one whole set.
 */
public final class RuleBook {
  private static final String SOURCE_ROOT = "src/main/resources/rules/";
  /**
   * Rule sets compiled by any rule book in this JVM. Compiling is a pure function of the sources and
   * the allowlist, and its result immutable, so sharing it is safe: a node that swaps back to a
   * version, simulates the running set, or a second server in the same JVM compiles nothing again.
   */
  private static final CompiledRuleCache COMPILED = new CompiledRuleCache(8);

  private final RuleSetLimits limits;
  private final Allowlist allowlist;
  private final String allowlistKey;
  private final boolean sourceCheck;
  private final RuleRunner runner = new RuleRunner();
  private final AtomicReference<RuleSet> active = new AtomicReference<>();

  public RuleBook() {
    this(RuleSetLimits.DEFAULT, Allowlist.standard());
  }

  public RuleBook(RuleSetLimits limits, Allowlist allowlist) {
    this(limits, allowlist, true);
  }

  /** A rule book that may skip the friendly source check, so tests can show the compiled-code check holds alone. */
  RuleBook(RuleSetLimits limits, Allowlist allowlist, boolean sourceCheck) {
    this.limits = limits;
    this.allowlist = allowlist;
    this.allowlistKey = allowlist.canonical();
    this.sourceCheck = sourceCheck;
  }

  /** The threads decisions run on, and the work among them that is past its deadline. */
  public RuleRunner runner() {
    return runner;
  }

  /**
   * Checks and compiles {@code sources} as one rule set, without loading any of it; reports every
   * problem with file, line and column. This is what validation and {@code rules check} run.
   */
  public CheckedRules check(List<RuleSource> sources) throws RuleCompilationException {
    return build(sources, false).checked();
  }

  /**
   * Checks, compiles, verifies and then loads {@code sources} as one rule set, ready to activate. A set
   * with exactly these files, compiled before under the same allowlist, has its size and source checked
   * again but is not compiled again: its verified rule base is reused, or its errors reported again.
   */
  public CompiledRules compile(List<RuleSource> sources) throws RuleCompilationException {
    Built built = build(sources, true);
    return new CompiledRules(built.checked().sources(), built.checked().contentHash(), built.sessions());
  }

  private Built build(List<RuleSource> sources, boolean load) throws RuleCompilationException {
    if (sources.isEmpty()) {
      throw new RuleCompilationException(List.of(new RuleError("", 1, 1, "the rule set has no .drl files")));
    }
    checkSize(sources);
    List<RuleError> errors = new ArrayList<>();
    long rules = 0;
    for (RuleSource source : sources) {
      if (sourceCheck) {
        errors.addAll(DrlSafetyCheck.check(source, allowlist));
      }
      rules += DrlSafetyCheck.countRules(source);
    }
    if (!errors.isEmpty()) {
      throw new RuleCompilationException(sorted(errors));
    }
    if (rules > limits.maxRules()) {
      throw new RuleCompilationException(List.of(new RuleError(sources.get(0).file(), 1, 1,
          "the rule set has " + rules + " rules; at most " + limits.maxRules() + " are allowed")));
    }
    Optional<CompiledRuleCache.Outcome> known = COMPILED.get(sources, allowlistKey);
    if (known.isPresent() && known.get().refusal() != null) {
      throw new RuleCompilationException(known.get().refusal());
    }
    if (known.isPresent() && load) {
      SessionPool sessions = known.get().sessions();
      return new Built(new CheckedRules(sources, hash(sources), CompiledRules.ruleNamesOf(sessions.kieBase())),
          sessions);
    }
    // The outlines (a second parse) are needed only to place errors, and to name rules that are not loaded.
    Outlines outlines = new Outlines(sources);
    try {
      Built built = runner.run(() -> generateAndVerify(sources, outlines, load), limits.compileTimeout(),
          () -> "compiling " + sources.size() + " rule files",
          () -> new RuleTimeout("compiling took longer than " + limits.compileTimeout().toSeconds()
              + " s; split the rule set or simplify it"));
      if (load) {
        COMPILED.verified(sources, allowlistKey, built.sessions());
      }
      return built;
    } catch (RuleCompilationException e) {
      // Only the compiler or the verifier throws this inside the run: the same text is refused the same way.
      COMPILED.refused(sources, allowlistKey, e.errors());
      throw e;
    } catch (RuleTimeout e) {
      throw new RuleCompilationException(List.of(new RuleError(sources.get(0).file(), 1, 1, e.getMessage())));
    } catch (StackOverflowError e) {
      throw new RuleCompilationException(List.of(new RuleError(sources.get(0).file(), 1, 1,
          "the rule set is nested too deeply to compile")));
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("compiling the rule set failed unexpectedly", e);
    }
  }

  private Built generateAndVerify(List<RuleSource> sources, Outlines outlines, boolean load)
      throws RuleCompilationException {
    KieServices kie = KieServices.Factory.get();
    // Each build gets its own release id: concurrent builds on a shared one overwrite each other.
    ReleaseId releaseId = kie.newReleaseId("community.recommender.rules", "build-" + UUID.randomUUID(), "1.0.0");
    KieFileSystem files = kie.newKieFileSystem();
    files.generateAndWritePomXML(releaseId);
    for (RuleSource source : sources) {
      files.write(SOURCE_ROOT + source.file(), source.text());
    }
    try {
      KieBuilder builder;
      try {
        builder = kie.newKieBuilder(files).buildAll(ExecutableModelProject.class);
      } catch (RuntimeException crash) {
        throw new RuleCompilationException(List.of(culprit(sources, outlines.get(), crash)));
      }
      List<Message> messages = builder.getResults().getMessages(Message.Level.ERROR);
      if (!messages.isEmpty()) {
        throw new RuleCompilationException(placed(outlines, locator -> locator.compilerErrors(messages)));
      }
      InternalKieModule module = (InternalKieModule) builder.getKieModule();
      Map<String, byte[]> classes = new HashMap<>();
      for (String name : module.getFileNames()) {
        if (name.endsWith(".class")) {
          classes.put(name.substring(0, name.length() - ".class".length()), module.getBytes(name));
        }
      }
      BytecodeVerifier.Report report = new BytecodeVerifier(allowlist, RuleBook.class.getClassLoader()).verify(classes);
      if (!report.violations().isEmpty()) {
        throw new RuleCompilationException(placed(outlines, locator -> locator.violations(report)));
      }
      if (!load) {
        return new Built(new CheckedRules(sources, hash(sources), ruleNames(outlines.get())), null);
      }
      KieBase kieBase = kie.newKieContainer(releaseId).getKieBase();
      return new Built(new CheckedRules(sources, hash(sources), CompiledRules.ruleNamesOf(kieBase)),
          new SessionPool(kieBase));
    } finally {
      kie.getRepository().removeKieModule(releaseId);
    }
  }

  /**
   * The file that makes Drools' code generator fail outright (it throws on some constructs instead of
   * reporting them), found by building each file alone, and placed at its first rule's body.
   */
  private static RuleError culprit(List<RuleSource> sources, List<DrlOutline> outlines, RuntimeException crash) {
    String reason = crash.getMessage() == null ? crash.getClass().getSimpleName() : crash.getMessage().strip();
    String message = "Drools cannot compile this; rewrite the construct in plainer DRL (Drools: "
        + reason.replaceAll("\\s+", " ") + ")";
    for (int i = 0; i < sources.size() && sources.size() > 1; i++) {
      KieServices kie = KieServices.Factory.get();
      ReleaseId releaseId = kie.newReleaseId("community.recommender.rules", "probe-" + UUID.randomUUID(), "1.0.0");
      KieFileSystem files = kie.newKieFileSystem();
      files.generateAndWritePomXML(releaseId);
      files.write(SOURCE_ROOT + sources.get(i).file(), sources.get(i).text());
      try {
        kie.newKieBuilder(files).buildAll(ExecutableModelProject.class);
      } catch (RuntimeException again) {
        return firstRuleOf(outlines.get(i), message);
      } finally {
        kie.getRepository().removeKieModule(releaseId);
      }
    }
    return firstRuleOf(outlines.get(0), message);
  }

  private static RuleError firstRuleOf(DrlOutline outline, String message) {
    SourceLines lines = outline.lines();
    int offset = outline.parts().isEmpty() ? 0 : outline.parts().get(0).start();
    return new RuleError(outline.source().file(), lines.lineOf(offset), lines.columnOf(offset), message);
  }

  private void checkSize(List<RuleSource> sources) throws RuleCompilationException {
    List<RuleError> errors = new ArrayList<>();
    long total = 0;
    for (RuleSource source : sources) {
      int bytes = source.text().getBytes(StandardCharsets.UTF_8).length;
      total += bytes;
      if (bytes > limits.maxFileBytes()) {
        errors.add(new RuleError(source.file(), 1, 1, "the file has " + bytes + " bytes; a rule file may have at most "
            + limits.maxFileBytes()));
      }
    }
    if (errors.isEmpty() && total > limits.maxSetBytes()) {
      errors.add(new RuleError(sources.get(0).file(), 1, 1, "the rule set has " + total + " bytes; at most "
          + limits.maxSetBytes() + " are allowed"));
    }
    if (!errors.isEmpty()) {
      throw RuleCompilationException.tooLarge(errors);
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

  private static List<String> ruleNames(List<DrlOutline> outlines) {
    return outlines.stream()
        .flatMap(o -> o.parts().stream())
        .filter(p -> p.kind() == DrlOutline.Kind.RULE)
        .map(DrlOutline.Part::name)
        .sorted()
        .toList();
  }

  private static List<RuleError> sorted(List<RuleError> errors) {
    return errors.stream()
        .distinct()
        .sorted(Comparator.comparing(RuleError::file).thenComparingInt(RuleError::line).thenComparingInt(RuleError::column))
        .toList();
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

  /** Errors placed in the DRL; syntax errors the outline parse finds come first, since they explain the rest. */
  private static List<RuleError> placed(Outlines outlines, java.util.function.Function<ErrorLocator, List<RuleError>> place) {
    List<RuleError> syntax = outlines.get().stream().flatMap(o -> o.errors().stream()).toList();
    return syntax.isEmpty() ? place.apply(new ErrorLocator(outlines.get())) : sorted(syntax);
  }

  /** The outline of each file, parsed once on first use. */
  private static final class Outlines {
    private final List<RuleSource> sources;
    private List<DrlOutline> parsed;

    Outlines(List<RuleSource> sources) {
      this.sources = sources;
    }

    List<DrlOutline> get() {
      if (parsed == null) {
        parsed = sources.stream().map(DrlOutline::parse).toList();
      }
      return parsed;
    }
  }

  /** What one build produced: the checked set, and its rule base with its sessions when it was loaded. */
  private record Built(CheckedRules checked, SessionPool sessions) {}

  /** Compiling ran past its time limit. */
  private static final class RuleTimeout extends RuntimeException {
    RuleTimeout(String message) {
      super(message);
    }
  }
}
