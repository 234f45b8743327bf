package community.recommender.web.cli;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A {@code multipart/form-data} request body of files, as RFC 7578 describes it.
 *
 * <p>The JDK's HTTP client sends bytes but has no multipart encoder; this is the few lines it
 * takes, so that the command line needs no HTTP library besides the JDK's.
 */
public final class MultipartBody {
  private final String boundary = "recommender-" + UUID.randomUUID();
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

  /** Adds a file part named {@code files}, as the upload endpoint expects. */
  public MultipartBody file(String fileName, byte[] content) {
    String safeName = fileName.replace("\"", "%22").replace("\r", "").replace("\n", "");
    write("--" + boundary + "\r\n"
        + "Content-Disposition: form-data; name=\"files\"; filename=\"" + safeName + "\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n");
    bytes.writeBytes(content);
    write("\r\n");
    return this;
  }

  /** The value of the request's {@code Content-Type} header. */
  public String contentType() {
    return "multipart/form-data; boundary=" + boundary;
  }

  /** The encoded body, closed with the final boundary. */
  public byte[] toBytes() {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    all.writeBytes(bytes.toByteArray());
    all.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return all.toByteArray();
  }

  private void write(String text) {
    bytes.writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }
}
