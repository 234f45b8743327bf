package community.recommender.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * An HTTP client for tests that checks every exchange against the OpenAPI document on its way back,
 * so that a response drifting from the document fails the test that received it.
 *
 * <p>It wraps a JDK client and is one itself, so a test swaps it in where it builds its client. A
 * request body is read again from its publisher when its length is known (strings, byte arrays and
 * files replay); a streamed body is not read, and only its response is checked. Answers to
 * asynchronous sends are checked off the client's own threads, so that checking never holds up
 * the sending and receiving of the others.
 */
final class ContractCheckedClient extends HttpClient {
  private final HttpClient client;
  private final ApiContract contract;

  private ContractCheckedClient(HttpClient client, ApiContract contract) {
    this.client = client;
    this.contract = contract;
  }

  /** {@code client}, checked against the served document. */
  static HttpClient wrap(HttpClient client) {
    return checking(client, ApiContract.SERVED);
  }

  /** {@code client}, checked against {@code contract}. */
  static HttpClient checking(HttpClient client, ApiContract contract) {
    return new ContractCheckedClient(client, contract);
  }

  @Override
  public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
      throws IOException, InterruptedException {
    return checked(request, client.send(request, handler));
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
    return client.sendAsync(request, handler).thenApplyAsync(response -> checked(request, response));
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
      HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
    return client.sendAsync(request, handler, pushPromiseHandler)
        .thenApplyAsync(response -> checked(request, response));
  }

  private <T> HttpResponse<T> checked(HttpRequest request, HttpResponse<T> response) {
    contract.enforce(
        new ApiContract.Request(request.method(), request.uri(), contentType(request.headers()), bodyOf(request)),
        new ApiContract.Response(response.statusCode(), contentType(response.headers()), bytesOf(response.body())));
    return response;
  }

  private static Optional<String> contentType(HttpHeaders headers) {
    return headers.firstValue("Content-Type");
  }

  private static byte[] bytesOf(Object body) {
    if (body instanceof String text) {
      return text.getBytes(StandardCharsets.UTF_8);
    }
    if (body instanceof byte[] bytes) {
      return bytes;
    }
    return null;
  }

  /** The request's body read again from its publisher; empty for none, null when it cannot be replayed. */
  private static byte[] bodyOf(HttpRequest request) {
    Optional<HttpRequest.BodyPublisher> publisher = request.bodyPublisher();
    if (publisher.isEmpty() || publisher.get().contentLength() == 0) {
      return new byte[0];
    }
    if (publisher.get().contentLength() < 0) {
      return null;
    }
    CompletableFuture<byte[]> read = new CompletableFuture<>();
    publisher.get().subscribe(new Flow.Subscriber<ByteBuffer>() {
      private final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();

      @Override
      public void onSubscribe(Flow.Subscription subscription) {
        subscription.request(Long.MAX_VALUE);
      }

      @Override
      public void onNext(ByteBuffer item) {
        byte[] chunk = new byte[item.remaining()];
        item.get(chunk);
        bytes.writeBytes(chunk);
      }

      @Override
      public void onError(Throwable failure) {
        read.completeExceptionally(failure);
      }

      @Override
      public void onComplete() {
        read.complete(bytes.toByteArray());
      }
    });
    try {
      return read.get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new UncheckedIOException(new IOException("cannot read the request body again", e.getCause()));
    } catch (TimeoutException e) {
      return null;
    }
  }

  @Override
  public Optional<CookieHandler> cookieHandler() {
    return client.cookieHandler();
  }

  @Override
  public Optional<Duration> connectTimeout() {
    return client.connectTimeout();
  }

  @Override
  public Redirect followRedirects() {
    return client.followRedirects();
  }

  @Override
  public Optional<ProxySelector> proxy() {
    return client.proxy();
  }

  @Override
  public SSLContext sslContext() {
    return client.sslContext();
  }

  @Override
  public SSLParameters sslParameters() {
    return client.sslParameters();
  }

  @Override
  public Optional<Authenticator> authenticator() {
    return client.authenticator();
  }

  @Override
  public Version version() {
    return client.version();
  }

  @Override
  public Optional<Executor> executor() {
    return client.executor();
  }
}
