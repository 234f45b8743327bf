package community.recommender.web;

import community.recommender.web.cli.Main;

import static community.recommender.web.ContentFixtures.ITEMS_CSV;
import static community.recommender.web.ContentFixtures.MOULD_PROOF_MD;
import static community.recommender.web.ContentFixtures.PNG;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code recommender import} against a real server: folders, images beside Markdown, a summary, an exit code. */
class ImportCommandTest {
  @RegisterExtension static final ServerPerClass server = ServerPerClass.withDemo();
  private static String admin;

  @TempDir Path files;

  @BeforeAll
  static void tokens() {
    admin = server.admin();
  }

  @Test
  void importOfAFolder_uploadsEveryFile_withItsImages_andExitsZero() throws Exception {
    Path home = Files.createDirectories(files.resolve("home"));
    Files.writeString(home.resolve("mould.md"), MOULD_PROOF_MD);
    Files.write(home.resolve("closet.png"), PNG);
    Files.writeString(files.resolve("tea.csv"), ITEMS_CSV);

    Result result = run("import", "--server", server.url(), "--token", admin, home.toString(),
        files.resolve("tea.csv").toString());

    assertThat(result.exit()).as(result.err()).isZero();
    assertThat(result.out()).contains("created   " + home.resolve("mould.md"), "attached  " + home.resolve("closet.png"),
        "3 files: 3 items created, 0 updated; 0 files rejected");
    assertThat(result.err()).contains("100%", "3/3 files");
    assertThat(server.get("/api/v1/content/mould-proof-closet-tips", admin).statusCode()).isEqualTo(200);
  }

  @Test
  void importWithARejectedFile_namesItsLine_andExitsOne() throws Exception {
    Files.writeString(files.resolve("bad.csv"), "id,kind,title,language\nimport-bad,POST,Bad,klingon-language\n");
    Path tokenFile = Files.writeString(files.resolve("token"), admin + "\n");

    Result result = run("import", "--server", server.url(), "--token-file", tokenFile.toString(),
        files.resolve("bad.csv").toString());

    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.out()).contains("rejected", "bad.csv:2: language must be a language tag", "(422)");
  }

  @Test
  void importToNoServer_saysSo_andExitsTwo() throws Exception {
    Files.writeString(files.resolve("a.md"), MOULD_PROOF_MD);

    Result result = run("import", "--server", "http://127.0.0.1:1", "--token", "x", files.resolve("a.md").toString());

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err()).contains("error: cannot reach http://127.0.0.1:1");
  }

  private static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(exit, out.toString(), err.toString());
  }

  private record Result(int exit, String out, String err) {}
}
