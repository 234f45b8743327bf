package community.recommender.web;

import static org.assertj.core.api.Assertions.assertThat;

import community.recommender.web.server.Terminal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the first admin token goes: printed once at a terminal (see ServerEndToEndTest), and
 * without one, as in a container, only saved to its file while the output says where.
 */
class FirstAdminTokenTest {
  @TempDir Path dataDir;

  @Test
  void withoutATerminal_theTokenIsOnlyInItsOwnerOnlyFile_andTheOutputSaysWhere() throws Exception {
    try (TestServer server = TestServer.startWithoutTerminal(dataDir)) {
      String token = TestServer.adminToken(dataDir);

      assertThat(token).startsWith("cr_");
      assertThat(server.output()).doesNotContain(token)
          .contains("saved it to " + dataDir.resolve("admin.token") + " (mode 0600)");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("admin.token"))))
          .isEqualTo("rw-------");
      assertThat(server.get("/api/v1/tokens", token).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void theTerminalIsAbsent_whenTheProcessHasNoConsole_orTheOptionSaysSo() {
    assertThat(Terminal.of(false, true)).isEqualTo(Terminal.PRESENT);
    assertThat(Terminal.of(false, false)).isEqualTo(Terminal.ABSENT);
    assertThat(Terminal.of(true, true)).isEqualTo(Terminal.ABSENT);
    assertThat(Terminal.of(true, false)).isEqualTo(Terminal.ABSENT);
  }
}
