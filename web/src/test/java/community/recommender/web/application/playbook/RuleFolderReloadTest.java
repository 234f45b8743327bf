package community.recommender.web.application.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import community.recommender.engine.rules.RuleBook;
import community.recommender.engine.rules.RuleFolder;
import community.recommender.web.TestDatabase;
import community.recommender.web.application.Workers;
import community.recommender.web.store.Futures;
import community.recommender.web.store.pg.PgChangeNotices;
import community.recommender.web.store.pg.PgRuleSetStore;
import io.vertx.core.Future;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reload of the rules folder activates only what the folder still holds once it has compiled:
 * an editor's save that truncates a file and then writes it never runs the empty or cut file.
 */
class RuleFolderReloadTest {
  private static final String HEADER = "package playbook.reload\nimport community.recommender.engine.model.*\n\n";
  private static final String FIRST = HEADER + "rule \"first\" when Group() then insert( new Note(\"one\") ); end\n";
  private static final String EDITED = HEADER + "rule \"edited\" when Group() then insert( new Note(\"two\") ); end\n";

  @TempDir
  Path rules;
  private TestDatabase database;
  private RuleBook book;
  private RuleMirror mirror;
  private PgRuleSetStore versions;
  /** What the editor does while the compiler works: run before the compiler's next piece of work. */
  private Runnable meanwhile = () -> { };

  @BeforeEach
  void aFolderWithOneActiveFile() throws IOException {
    database = TestDatabase.start();
    database.migrate();
    Files.writeString(rules.resolve("a.drl"), FIRST);
    book = new RuleBook();
    mirror = new RuleMirror(new RuleFolder(rules));
    versions = new PgRuleSetStore(database.pool());
    RuleFolderLoader.load(mirror, book, versions);
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void aFileTruncatedWhenReadAndWrittenWhileCompiling_isSkipped_andTheWrittenFileIsActivatedNext() {
    long before = book.active().version();
    write("");
    meanwhile = () -> write(EDITED);

    Futures.await(service().reloadFolder());

    assertThat(book.active().version()).isEqualTo(before);
    assertThat(service().activeFiles()).containsEntry("a.drl", FIRST);
    assertThat(Futures.await(versions.list())).hasSize(1);

    Futures.await(service().reloadFolder());

    assertThat(book.active().version()).isGreaterThan(before);
    assertThat(service().activeFiles()).containsEntry("a.drl", EDITED);
  }

  @Test
  void aFileCutMidRuleWhenRead_isNotReportedAsRejected_whenTheFolderChangedWhileCompiling() {
    long before = book.active().version();
    write(EDITED.substring(0, EDITED.indexOf("then")));
    meanwhile = () -> write(EDITED);

    Futures.await(service().reloadFolder());

    assertThat(book.active().version()).isEqualTo(before);
    assertThat(service().activeFiles()).containsEntry("a.drl", FIRST);
  }

  @Test
  void aFolderThatStaysCut_isRejectedAsBefore_andTheRunningSetStays() {
    long before = book.active().version();
    write(EDITED.substring(0, EDITED.indexOf("then")));

    Future<?> reload = service().reloadFolder();

    assertThat(reload.failed()).isTrue();
    assertThat(reload.cause()).isInstanceOf(RuleSetRejected.class);
    assertThat(book.active().version()).isEqualTo(before);
  }

  private RuleService service() {
    return new RuleService(book, mirror, versions, new EditorMeanwhile(), new PgChangeNotices(database.pool()), null);
  }

  private void write(String text) {
    try {
      Files.writeString(rules.resolve("a.drl"), text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs work at once on the calling thread, after whatever the editor does meanwhile, once. */
  private final class EditorMeanwhile implements Workers {
    @Override
    public <T> Future<T> run(Callable<T> work) {
      Runnable editor = meanwhile;
      meanwhile = () -> { };
      editor.run();
      try {
        return Future.succeededFuture(work.call());
      } catch (Exception e) {
        return Future.failedFuture(e);
      }
    }
  }
}
