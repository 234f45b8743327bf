package community.recommender.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Named content files, as editors upload them. */
final class ContentFixtures {
  static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};

  static final String MOULD_PROOF_MD = """
      ---
      id: mould-proof-closet-tips
      kind: POST
      title: 梅雨季衣柜防霉三招
      language: zh
      tags: [tips, home]
      interests: [home]
      regions: [CN-SH]
      status: published
      media: [closet.png]
      ---
      梅雨季到了，衣柜**防霉**要趁早：除湿袋、通风、竹炭包。
      """;

  static final String ITEMS_JSON = """
      [{"id": "wool-care-en", "kind": "POST", "title": "Caring for wool jumpers", "language": "en",
        "status": "published", "tags": ["tips"], "body": "Wash wool by hand, and dry it flat."},
       {"id": "knitting-night-en", "kind": "ACTIVITY", "title": "Knitting night", "language": "en",
        "status": "published", "format": "salon", "startsAt": "2026-12-01T18:00:00Z",
        "endsAt": "2026-12-01T20:00:00Z", "capacity": 15, "tags": ["salon"]}]
      """;

  static final String ITEMS_CSV = """
      id,kind,title,language,tags,regions,status,price,currency,perGroupLimit,groupBuyDeadline,body
      tea-group-buy-zh,OFFER,春茶团购：明前龙井,zh,group-buy|tea,CN-ZJ-Hangzhou,published,168,CNY,30,2026-12-20,社群专享团购价。
      tea-welcome-zh,POST,欢迎新朋友加入茶友社群,zh,welcome,,published,,,,,先来做个自我介绍吧。
      """;

  private ContentFixtures() {}

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
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

  /** A Markdown post whose id and title carry {@code word}, so that a search can find exactly it. */
  static String post(String id, String word) {
    return "---\nid: " + id + "\nkind: POST\ntitle: Post about " + word + "\nlanguage: en\nstatus: published\n---\n"
        + "All about " + word + ".\n";
  }
}
