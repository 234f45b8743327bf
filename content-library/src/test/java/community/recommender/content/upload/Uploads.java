package community.recommender.content.upload;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Named fixtures for upload tests: files as editors send them. */
final class Uploads {
  /** The smallest PNG signature and header a reader will recognise. */
  static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};
  static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F'};

  static final String ROSES_MD = """
      ---
      id: group-buy-roses
      kind: OFFER
      title: "玫瑰团购：本周五截单"
      language: zh
      tags: [group-buy, flowers]
      interests: [flowers]
      stages: [MATURE]
      regions: [CN-SH-Shanghai]
      status: published
      validFrom: 2026-05-01
      validUntil: 2026-05-31
      price: 59.5
      discount: 0.8
      currency: CNY
      perGroupLimit: 20
      groupBuyDeadline: 2026-05-29T12:00:00Z
      media: [images/roses.png]
      ---
      # 玫瑰团购

      周五**截单**，周六到货。
      """;

  static final String ITEMS_CSV = """
      id,kind,title,language,tags,regions,status,price,currency,format,startsAt,endsAt,capacity,body
      welcome-tea,POST,Welcome to the tea club,en,welcome|icebreaker,,published,,,,,,,"Say hello, and tell us
      your favourite tea."
      tea-salon,ACTIVITY,Tea salon on Saturday,en,salon,GB-LND,published,,,salon,2026-06-06T14:00:00Z,2026-06-06T16:00:00Z,12,Bring a cup.
      tea-coupon,OFFER,10% off oolong,en,coupon,GB,draft,12.50,GBP,,,,,For members only.
      """;

  private Uploads() {}

  static UploadedFile file(String name, String text) {
    return new UploadedFile(name, text.getBytes(StandardCharsets.UTF_8));
  }

  static byte[] zip(Map<String, byte[]> entries) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(entry.getKey()));
        zip.write(entry.getValue());
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
