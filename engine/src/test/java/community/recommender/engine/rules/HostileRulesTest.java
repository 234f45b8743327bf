package community.recommender.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;

import community.recommender.engine.decision.DecisionPipeline;
import community.recommender.engine.model.ActivityCounts;
import community.recommender.engine.model.Group;
import community.recommender.engine.model.Portrait;
import community.recommender.engine.rules.sandbox.Allowlist;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.LogManager;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file in {@code src/test/resources/hostile} is an attack an operator could send. Each is
 * refused with its file, line and column, or, if it compiles, does nothing outside its decision:
 * no marker file, no connection to a listener, no JVM-wide change, no change to the live rules,
 * no worker left busy. Each runs twice: with the friendly source check, and with the compiled-code
 * check alone, which is the boundary.
 */
class HostileRulesTest {
  private static final Path CORPUS = Path.of("src", "test", "resources", "hostile");
  private static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");
  private static final Group GROUP = Group.assess("g", Portrait.named("g").memberCount(50).build(),
      ActivityCounts.NONE, ActivityCounts.NONE, NOW, null, NOW);

  @TempDir static Path dir;
  private static ServerSocket listener;
  private static final AtomicInteger connections = new AtomicInteger();
  private static String timeZone;
  private static Locale locale;
  private static int rootHandlers;

  @BeforeAll
  static void listen() throws IOException {
    listener = new ServerSocket(0);
    Thread accepter = new Thread(() -> {
      while (!listener.isClosed()) {
        try (Socket ignored = listener.accept()) {
          connections.incrementAndGet();
        } catch (IOException e) {
          return;
        }
      }
    }, "hostile-listener");
    accepter.setDaemon(true);
    accepter.start();
    timeZone = TimeZone.getDefault().getID();
    locale = Locale.getDefault();
    rootHandlers = LogManager.getLogManager().getLogger("").getHandlers().length;
  }

  @AfterAll
  static void stop() throws IOException {
    listener.close();
  }

  static Stream<String> attacks() throws IOException {
    try (Stream<Path> files = Files.list(CORPUS)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".drl")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("attacks")
  void hostileRuleFile_isRefusedAtItsPlace_orHarmless(String file) throws Exception {
    Path marker = dir.resolve(file + ".marker");
    RuleSource attack = new RuleSource(file, Files.readString(CORPUS.resolve(file))
        .replace("${MARKER}", marker.toString())
        .replace("${PORT}", Integer.toString(listener.getLocalPort())));
    RuleSource live = new RuleSource("live.drl", """
        package playbook.live
        import community.recommender.engine.model.*
        ruleflow-group "needs"
        rule "Live rule"
        when
            Group()
        then
            insert( new Note("alive") );
        end
        """);

    for (RuleBook book : List.of(new RuleBook(), new RuleBook(RuleSetLimits.DEFAULT, Allowlist.standard(), false))) {
      book.activate(book.compile(List.of(live)), 1);
      try {
        book.check(List.of(live, attack));
        RuleSet hostile = book.activate(book.compile(List.of(live, attack)), 2);
        decideIgnoringFailure(book, hostile);
        book.activate(book.compile(List.of(live)), 3);
      } catch (RuleCompilationException refused) {
        assertThat(refused.errors()).isNotEmpty().allSatisfy(error -> {
          assertThat(error.file()).isEqualTo(file);
          assertThat(error.line()).isGreaterThanOrEqualTo(1);
          assertThat(error.column()).isGreaterThanOrEqualTo(1);
          assertThat(error.message()).isNotBlank();
        });
      }
      assertThat(book.active().rules().ruleNames()).containsExactly("Live rule");
      assertThat(new DecisionPipeline(book, query -> List.of()).decide(GROUP, List.of(), NOW).firedRules())
          .containsExactly("Live rule");
      assertThat(book.runner().stuck()).isEmpty();
    }

    assertThat(marker).doesNotExist();
    assertThat(connections.get()).isZero();
    assertThat(TimeZone.getDefault().getID()).isEqualTo(timeZone);
    assertThat(Locale.getDefault()).isEqualTo(locale);
    assertThat(LogManager.getLogManager().getLogger("").getHandlers()).hasSize(rootHandlers);
    assertThat(System.getProperties().stringPropertyNames()).noneMatch(name -> name.startsWith("sandbox."));
  }

  private static void decideIgnoringFailure(RuleBook book, RuleSet rules) {
    try {
      new DecisionPipeline(book, query -> List.of()).decide(GROUP, List.of(), NOW, rules);
    } catch (RunawayRulesException | UncheckedIOException e) {
      // A rule that fails its own decision is contained; what matters is what it left behind.
    }
  }
}
