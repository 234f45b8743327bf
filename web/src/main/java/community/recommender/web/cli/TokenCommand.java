package community.recommender.web.cli;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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

    @Option(names = "--token", description = "An admin token (default: the one in <home>/data/admin.token).")
    String token;

    @Option(names = "--data-dir", description = "Where admin.token is (default: <home>/data).")
    Path dataDir;

    String adminToken() throws IOException {
      if (token != null) {
        return token.strip();
      }
      Path file = (dataDir != null ? dataDir : Home.directory().resolve("data")).resolve("admin.token");
      if (!Files.isReadable(file)) {
        throw new IOException("no --token given and " + file + " cannot be read");
      }
      return Files.readString(file, StandardCharsets.UTF_8).strip();
    }

    /** Sends a request; answers the body of a 2xx answer, or fails with the server's error message. */
    String send(String method, String path, String body) throws IOException, InterruptedException {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url.replaceAll("/+$", "") + path))
          .timeout(Duration.ofSeconds(30))
          .header("Authorization", "Bearer " + adminToken())
          .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofString(body));
      if (body != null) {
        request.header("Content-Type", "application/json");
      }
      HttpResponse<String> response;
      try {
        response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        throw new IOException("cannot reach " + url + ": " + e.getMessage(), e);
      }
      if (response.statusCode() / 100 != 2) {
        String message = response.body();
        try {
          message = new JsonObject(response.body()).getJsonObject("error").getString("message");
        } catch (RuntimeException e) {
          // Not our JSON error: show the body as it came.
        }
        throw new IOException("the server answered " + response.statusCode() + ": " + message);
      }
      return response.body();
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
    public Integer call() throws IOException, InterruptedException {
      JsonObject body = new JsonObject().put("role", role);
      if (groups != null) {
        body.put("groups", new JsonArray(groups));
      }
      if (name != null) {
        body.put("name", name);
      }
      JsonObject created = new JsonObject(server.send("POST", "/api/v1/tokens", body.encode()));
      PrintWriter out = spec.commandLine().getOut();
      out.println(created.getString("token"));
      spec.commandLine().getErr().printf("Created %s token %s (id %s)%s. It is shown only this once.%n",
          created.getString("role"), created.getString("name"), created.getString("id"),
          created.getJsonArray("groups").isEmpty() ? "" : " for groups " + created.getJsonArray("groups").encode());
      return 0;
    }
  }

  /** {@code recommender token list}. */
  @Command(name = "list", mixinStandardHelpOptions = true, description = "List tokens (never the tokens themselves).")
  static final class ListTokens implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin Server server;

    @Override
    public Integer call() throws IOException, InterruptedException {
      JsonArray items = new JsonObject(server.send("GET", "/api/v1/tokens", null)).getJsonArray("items");
      PrintWriter out = spec.commandLine().getOut();
      out.printf("%-36s  %-8s  %-24s  %-20s  %s%n", "ID", "ROLE", "NAME", "CREATED", "GROUPS / REVOKED");
      for (int i = 0; i < items.size(); i++) {
        JsonObject t = items.getJsonObject(i);
        String scope = t.getString("revokedAt") != null ? "revoked " + t.getString("revokedAt")
            : t.getJsonArray("groups").isEmpty() ? "all groups" : String.join(",", t.getJsonArray("groups").getList());
        out.printf("%-36s  %-8s  %-24s  %-20s  %s%n", t.getString("id"), t.getString("role"), t.getString("name"),
            t.getString("createdAt").substring(0, Math.min(19, t.getString("createdAt").length())), scope);
      }
      return 0;
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
    public Integer call() throws IOException, InterruptedException {
      server.send("DELETE", "/api/v1/tokens/" + id, null);
      spec.commandLine().getOut().println("Revoked token " + id + ".");
      return 0;
    }
  }
}
