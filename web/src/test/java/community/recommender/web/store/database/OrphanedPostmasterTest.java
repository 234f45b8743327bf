package community.recommender.web.store.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import community.recommender.web.store.Futures;
import io.vertx.core.Vertx;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The clean-up of a postmaster left behind stops only a PostgreSQL that runs on our own data dir. */
class OrphanedPostmasterTest {
  @TempDir Path temp;
  private Vertx vertx;

  @BeforeEach
  void startVertx() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void stopVertx() {
    Futures.await(vertx.close());
  }

  @Test
  void recordedPid_ofAnotherProgramCalledPostgres_isLeftAlone() throws Exception {
    Path impostor = temp.resolve("bin").resolve("postgres");
    Files.createDirectories(impostor.getParent());
    Files.copy(Path.of("/bin/sleep"), impostor, StandardCopyOption.COPY_ATTRIBUTES);
    Process other = new ProcessBuilder(impostor.toString(), "300").start();
    try {
      Path dataDir = Files.createDirectories(temp.resolve("data"));
      Files.writeString(dataDir.resolve("postmaster.pid"), other.pid() + "\n" + dataDir + "\n");

      assertThat(OrphanedPostmaster.stopIfRunning(dataDir)).isFalse();
      assertThat(other.isAlive()).isTrue();
    } finally {
      other.destroyForcibly();
    }
  }

  @Test
  void recordedPid_ofAPostgresOnAnotherDataDir_isLeftAlone() throws Exception {
    try (Database other = Database.open(vertx, null, temp.resolve("other"))) {
      Path dataDir = Files.createDirectories(temp.resolve("data"));
      Files.copy(temp.resolve("other").resolve("postgres").resolve("postmaster.pid"), dataDir.resolve("postmaster.pid"));

      assertThat(OrphanedPostmaster.stopIfRunning(dataDir)).isFalse();
      assertThat(Futures.await(other.check())).as("the other PostgreSQL still answers").isNull();
    }
  }

  @Test
  void postmasterLeftRunningOnOurDataDir_isStopped() throws Exception {
    Path dataDir = temp.resolve("data");
    String postgresBinary;
    try (Database database = Database.open(vertx, null, dataDir)) {
      postgresBinary = Postmaster.of(Database.embeddedDataDir(dataDir)).orElseThrow().info().command().orElseThrow();
    }
    // A postmaster no live server's lock file owns, as one is after its JVM was killed. PostgreSQL
    // refuses to run as root; zonky then starts it in a user namespace of its own, and so does this.
    List<String> command = new ArrayList<>();
    if ("root".equals(System.getProperty("user.name"))) {
      command.addAll(List.of("unshare", "-U"));
    }
    command.addAll(List.of(postgresBinary, "-D", Database.embeddedDataDir(dataDir).toString(), "-p",
        Integer.toString(freePort()), "-c", "listen_addresses=127.0.0.1"));
    Process orphan = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(temp.resolve("orphan.log").toFile()).start();
    try {
      Path pidFile = Database.embeddedDataDir(dataDir).resolve("postmaster.pid");
      await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(pidFile)
          && Files.readAllLines(pidFile).stream().findFirst().orElse("").equals(Long.toString(orphan.pid())));

      assertThat(OrphanedPostmaster.stopIfRunning(Database.embeddedDataDir(dataDir))).isTrue();
      assertThat(orphan.isAlive()).isFalse();
    } finally {
      orphan.destroyForcibly();
    }
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
