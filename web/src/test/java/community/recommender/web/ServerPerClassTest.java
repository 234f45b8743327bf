package community.recommender.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import community.recommender.web.store.Role;
import java.net.ConnectException;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The server a test class shares: it starts, answers, and leaves nothing open behind, even when its start fails. */
class ServerPerClassTest {
  /** Where no PostgreSQL listens, so that a server's start fails after its class's own database was made. */
  private static final String NO_DATABASE = "postgresql://nobody@127.0.0.1:1/nothing";

  private final AtomicReference<Path> folder = new AtomicReference<>();
  private final AtomicReference<TestDatabase> database = new AtomicReference<>();

  @Test
  void startedServer_answers_andClosing_removesItsDatabaseFolderAndPort() {
    ServerPerClass server = onOwnDatabase(null);

    server.start();
    int port = server.port();
    assertThat(server.get("/api/v1/session", server.admin()).statusCode()).isEqualTo(200);
    assertThat(server.get("/api/v1/session", server.token(Role.BOT)).body())
        .contains("\"role\":\"bot\"");
    server.close();

    assertThat(folder.get()).doesNotExist();
    assertGone(database.get());
    assertThatThrownBy(() -> new ClosedPort(port).get("/health", null)).hasCauseInstanceOf(ConnectException.class);
    assertThatThrownBy(server::port).hasMessageContaining("runs only between");
  }

  @Test
  void failingStart_closesTheDatabaseAndRemovesTheFolder_beforeItFails() {
    ServerPerClass server = onOwnDatabase(NO_DATABASE);

    assertThatThrownBy(server::start).hasMessageContaining("127.0.0.1:1");

    assertThat(database.get()).as("the class's own database was made before the server failed").isNotNull();
    assertGone(database.get());
    assertThat(folder.get()).doesNotExist();
    server.close();
  }

  @Test
  void demoServer_hasNoDatabaseOfItsOwnToHandOut() {
    ServerPerClass server = ServerPerClass.withDemo();

    assertThatThrownBy(server::database).hasMessageContaining("onOwnDatabase");
  }

  /** A server on its own database, or on {@code databaseUrl} when not null; it records what it was given. */
  private ServerPerClass onOwnDatabase(String databaseUrl) {
    return new ServerPerClass(true, (given, own) -> {
      folder.set(given);
      database.set(own);
      return TestServer.on(given.resolve("data"), databaseUrl == null ? own.url() : databaseUrl);
    }, TestServer.CLOCK);
  }

  private static void assertGone(TestDatabase database) {
    assertThatThrownBy(() -> DriverManager.getConnection(database.jdbcUrl()).close())
        .isInstanceOf(SQLException.class).hasMessageContaining("does not exist");
  }

  /** Calls to a port nothing should listen on any more. */
  private record ClosedPort(int port) implements HttpCalls {}
}
