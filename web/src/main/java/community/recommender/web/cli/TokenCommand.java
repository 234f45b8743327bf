package community.recommender.web.cli;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code recommender token}: create, list and revoke API tokens on a running server, over HTTP. */
@Command(name = "token", mixinStandardHelpOptions = true, description = "Manage API tokens on a running server.",
    subcommands = {TokenCommand.Create.class, TokenCommand.ListTokens.class, TokenCommand.Revoke.class})
final class TokenCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }

  /** Where the server is and the admin token to call it with. */
  static final class Server {
    @Option(names = "--server", defaultValue = "http://localhost:8080",
        description = "The server's base URL (default: ${DEFAULT-VALUE}).")
    String url;

    @Option(names = "--token", description = "An admin token (default: --token-file, $RECOMMENDER_TOKEN, else "
        + "admin.token in the data dir).")
    String token;

    @Option(names = "--token-file", description = "A file holding the token.")
    Path tokenFile;

    @Option(names = "--data-dir", description = "Where admin.token is (default: <home>/data).")
    Path dataDir;

    /** Sends a request; answers the body of a 2xx answer, or ends the command with the server's error. */
    JsonObject call(String method, String path, JsonObject body) {
      return new ServerClient(url, CliToken.resolve(token, tokenFile, dataDir)).call(method, path, body);
    }
  }

  /** {@code recommender token create --role bot [--groups a,b] [--name n]}. */
  @Command(name = "create", mixinStandardHelpOptions = true,
      description = "Create a token and print it; it is shown only this once.")
  static final class Create implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin Server server;

    @Option(names = "--role", required = true, description = "admin, operator, editor or bot.")
    String role;

    @Option(names = "--groups", split = ",", description = "Limit a bot token to these groups (comma-separated).")
    List<String> groups;

    @Option(names = "--name", description = "A name to recognise the token by.")
    String name;

    @Override
    public Integer call() {
      JsonObject body = new JsonObject().put("role", role);
      if (groups != null) {
        body.put("groups", new JsonArray(groups));
      }
      if (name != null) {
        body.put("name", name);
      }
      JsonObject created = server.call("POST", "/api/v1/tokens", body);
      PrintWriter out = spec.commandLine().getOut();
      out.println(created.getString("token"));
      spec.commandLine().getErr().printf("Created %s token %s (id %s)%s. It is shown only this once.%n",
          created.getString("role"), created.getString("name"), created.getString("id"),
          created.getJsonArray("groups").isEmpty() ? "" : " for groups " + created.getJsonArray("groups").encode());
      return ExitCode.DONE;
    }
  }

  /** {@code recommender token list}. */
  @Command(name = "list", mixinStandardHelpOptions = true, description = "List tokens (never the tokens themselves).")
  static final class ListTokens implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin Server server;

    @Override
    public Integer call() {
      JsonArray items = server.call("GET", "/api/v1/tokens", null).getJsonArray("items");
      PrintWriter out = spec.commandLine().getOut();
      out.printf("%-36s  %-8s  %-24s  %-20s  %s%n", "ID", "ROLE", "NAME", "CREATED", "GROUPS / REVOKED");
      for (int i = 0; i < items.size(); i++) {
        JsonObject t = items.getJsonObject(i);
        String scope = t.getString("revokedAt") != null ? "revoked " + t.getString("revokedAt")
            : t.getJsonArray("groups").isEmpty() ? "all groups" : String.join(",", t.getJsonArray("groups").getList());
        out.printf("%-36s  %-8s  %-24s  %-20s  %s%n", t.getString("id"), t.getString("role"), t.getString("name"),
            t.getString("createdAt").substring(0, Math.min(19, t.getString("createdAt").length())), scope);
      }
      return ExitCode.DONE;
    }
  }

  /** {@code recommender token revoke ID}. */
  @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a token by its id.")
  static final class Revoke implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin Server server;

    @Parameters(paramLabel = "ID", description = "The token's id, as 'token list' shows it.")
    String id;

    @Override
    public Integer call() {
      server.call("DELETE", "/api/v1/tokens/" + id, null);
      spec.commandLine().getOut().println("Revoked token " + id + ".");
      return ExitCode.DONE;
    }
  }
}
