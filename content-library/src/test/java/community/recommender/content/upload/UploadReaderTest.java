package community.recommender.content.upload;

import static community.recommender.content.upload.Uploads.ITEMS_CSV;
import static community.recommender.content.upload.Uploads.JPEG;
import static community.recommender.content.upload.Uploads.PNG;
import static community.recommender.content.upload.Uploads.ROSES_MD;
import static community.recommender.content.upload.Uploads.file;
import static community.recommender.content.upload.Uploads.utf8;
import static community.recommender.content.upload.Uploads.zip;
import static org.assertj.core.api.Assertions.assertThat;

import community.recommender.content.format.ContentItemJson;
import community.recommender.content.format.CsvItemsReader;
import community.recommender.content.format.Fault;
import community.recommender.engine.model.ContentItem;
import community.recommender.engine.model.ContentKind;
import community.recommender.engine.model.ContentStatus;
import community.recommender.engine.model.MediaAttachment;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UploadReaderTest {
  private final UploadReader reader = new UploadReader(UploadLimits.defaults());

  @Test
  void markdownWithFrontMatterAndItsImage_roundTripsThroughJson() {
    List<FileReading> read = reader.read(List.of(file("roses.md", ROSES_MD), new UploadedFile("roses.png", PNG)));

    assertThat(read).allMatch(FileReading::accepted);
    UploadedItem roses = read.get(0).items().get(0);
    ContentItem item = roses.item();
    assertThat(item.getTitle()).isEqualTo("玫瑰团购：本周五截单");
    assertThat(item.getBody()).isEqualTo("# 玫瑰团购\n\n周五**截单**，周六到货。");
    assertThat(item.getValidFrom()).isEqualTo(Instant.parse("2026-05-01T00:00:00Z"));
    assertThat(item.getValidUntil()).isEqualTo(Instant.parse("2026-05-31T23:59:59.999Z"));
    assertThat(item.getOffer().getDiscount()).isEqualByComparingTo("0.8");
    assertThat(item.getMedia()).containsExactly(new MediaAttachment("roses.png", "image/png"));
    assertThat(roses.media()).singleElement().satisfies(m -> assertThat(m.bytes()).isEqualTo(PNG));
    assertThat(read.get(1).usedBy()).containsExactly("group-buy-roses");
    assertThat(ContentItemJson.toJson(ContentItemJson.fromJson(ContentItemJson.toJson(item))))
        .isEqualTo(ContentItemJson.toJson(item));
  }

  @Test
  void markdownWithoutAnId_takesItFromTheFileName() {
    FileReading read = reader.read(List.of(file("Spring Sale.md", ROSES_MD.replace("id: group-buy-roses\n", "")
        .replace("media: [images/roses.png]\n", "")))).get(0);

    assertThat(read.items().get(0).item().getId()).isEqualTo("spring-sale");
  }

  @Test
  void jsonArray_roundTripsEveryItem() {
    String json = """
        [{"id": "a", "kind": "POST", "title": "A", "language": "en", "status": "published", "tags": ["topic"]},
         {"kind": "ACTIVITY", "title": "B", "language": "zh", "format": "check-in", "capacity": 30}]
        """;

    FileReading read = reader.read(List.of(file("items.json", json))).get(0);

    assertThat(read.accepted()).isTrue();
    assertThat(read.items()).extracting(i -> i.item().getTitle()).containsExactly("A", "B");
    assertThat(read.items().get(1).item().getId()).as("a generated id").startsWith("item-");
    assertThat(read.items().get(1).item().getActivity().getCapacity()).isEqualTo(30);
  }

  @Test
  void csvRows_roundTripWithListsNumbersAndMultiLineCells() {
    FileReading read = reader.read(List.of(file("items.csv", ITEMS_CSV))).get(0);

    assertThat(read.problems()).isEmpty();
    assertThat(read.items()).extracting(i -> i.item().getId()).containsExactly("welcome-tea", "tea-salon", "tea-coupon");
    ContentItem welcome = read.items().get(0).item();
    assertThat(welcome.getTags()).containsExactly("welcome", "icebreaker");
    assertThat(welcome.getRegions()).isEmpty();
    assertThat(welcome.getBody()).isEqualTo("Say hello, and tell us\nyour favourite tea.");
    assertThat(read.items().get(1).item().getActivity().getCapacity()).isEqualTo(12);
    ContentItem coupon = read.items().get(2).item();
    assertThat(coupon.getKind()).isEqualTo(ContentKind.OFFER);
    assertThat(coupon.getStatus()).isEqualTo(ContentStatus.DRAFT);
    assertThat(coupon.getOffer().getPrice()).isEqualByComparingTo("12.50");
    assertThat(CsvItemsReader.COLUMNS).doesNotContain("version", "createdAt", "updatedAt");
  }

  @Test
  void zipOfFilesAndImagesInFolders_isReadAsOneFile() {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("offers/roses.md", utf8(ROSES_MD));
    entries.put("offers/images/roses.png", PNG);
    entries.put("tea/items.csv", utf8(ITEMS_CSV));
    entries.put("__MACOSX/offers/._roses.md", new byte[] {0, 1});
    entries.put("offers/.DS_Store", new byte[] {0, 1});

    FileReading read = reader.read(List.of(new UploadedFile("library.zip", zip(entries)))).get(0);

    assertThat(read.problems()).isEmpty();
    assertThat(read.items()).hasSize(4);
    assertThat(read.items().get(0).media()).singleElement()
        .satisfies(m -> assertThat(m.mediaType()).isEqualTo("image/png"));
  }

  @Test
  void imageWithAWrongExtension_isStoredAsWhatItIs() {
    List<FileReading> read = reader.read(List.of(
        file("roses.md", ROSES_MD.replace("images/roses.png", "photo.png")), new UploadedFile("photo.png", JPEG)));

    assertThat(read.get(0).items().get(0).item().getMedia()).containsExactly(new MediaAttachment("photo.png", "image/jpeg"));
  }

  @Test
  void badRowsInCsv_areAllReportedWithLineAndField_andRejectTheWholeFile() {
    String csv = """
        id,kind,title,language,price,currency,validFrom,validUntil
        ok,POST,Fine,en,,,,
        bad-kind,SERMON,Bad kind,en,,,,
        bad-price,OFFER,Bad price,en,-1,CNY,,
        bad-dates,POST,Bad dates,en,,,2026-06-01,2026-05-01
        """;

    FileReading read = reader.read(List.of(file("items.csv", csv))).get(0);

    assertThat(read.items()).isEmpty();
    assertThat(read.problems()).extracting(ContentProblem::line, ContentProblem::field, ContentProblem::fault)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(3, "kind", Fault.INVALID),
            org.assertj.core.groups.Tuple.tuple(4, "price", Fault.INVALID),
            org.assertj.core.groups.Tuple.tuple(5, "validUntil", Fault.INVALID));
    assertThat(read.problems().get(0).toString()).startsWith("items.csv:3: kind must be one of");
  }

  @Test
  void unknownCsvColumn_isNamedOnTheHeaderLine() {
    FileReading read = reader.read(List.of(file("items.csv", "id,kind,title,language,colour\n"))).get(0);

    assertThat(read.problems()).singleElement().satisfies(p -> {
      assertThat(p.line()).isEqualTo(1);
      assertThat(p.field()).isEqualTo("colour");
    });
  }

  @Test
  void frontMatterProblems_nameTheLineOfTheKey() {
    String md = ROSES_MD.replace("price: 59.5", "price: -5").replace("media: [images/roses.png]\n", "");

    ContentProblem problem = reader.read(List.of(file("roses.md", md))).get(0).problems().get(0);

    assertThat(problem.line()).isEqualTo(13);
    assertThat(problem.field()).isEqualTo("price");
    assertThat(problem.fault()).isEqualTo(Fault.INVALID);
  }

  @Test
  void malformedInput_isMalformedWithItsLine() {
    List<FileReading> read = reader.read(List.of(
        file("broken.json", "[{\"id\": \"a\",\n \"kind\": }]"),
        file("broken.md", "---\nid: [unclosed\n---\nbody"),
        file("no-front-matter.md", "# Just a title"),
        new UploadedFile("latin1.md", new byte[] {'-', '-', '-', '\n', (byte) 0xE9, '\n'})));

    assertThat(read).allSatisfy(r -> assertThat(r.problems()).singleElement()
        .satisfies(p -> assertThat(p.fault()).isEqualTo(Fault.MALFORMED)));
    assertThat(read.get(0).problems().get(0).line()).isEqualTo(2);
    assertThat(read.get(2).problems().get(0).line()).isEqualTo(1);
  }

  @Test
  void unknownKey_isInvalidAndNamed() {
    FileReading read = reader.read(List.of(file("typo.json",
        "{\"id\": \"a\", \"kind\": \"POST\", \"title\": \"A\", \"language\": \"en\", \"tag\": [\"x\"]}"))).get(0);

    assertThat(read.problems()).singleElement().satisfies(p -> {
      assertThat(p.field()).isEqualTo("tag");
      assertThat(p.message()).contains("unknown field");
    });
  }

  @Test
  void offerFieldsOnAPost_andAPostWithoutLanguage_areInvalid() {
    FileReading read = reader.read(List.of(file("items.json", """
        [{"id": "a", "kind": "POST", "title": "A", "language": "en", "price": 3},
         {"id": "b", "kind": "POST", "title": "B"}]"""))).get(0);

    assertThat(read.problems()).extracting(ContentProblem::field).containsExactly("price", "language");
  }

  @Test
  void sameIdTwiceInOneFile_isRejected() {
    FileReading read = reader.read(List.of(file("items.json", """
        [{"id": "a", "kind": "POST", "title": "A", "language": "en"},
         {"id": "a", "kind": "POST", "title": "A again", "language": "en"}]"""))).get(0);

    assertThat(read.problems()).singleElement().satisfies(p -> assertThat(p.field()).isEqualTo("id"));
  }

  @Test
  void overLongBody_andOverLargeFile_areTooLarge() {
    UploadReader small = new UploadReader(new UploadLimits(2_000, 10, 10_000, 100, 100));
    String longBody = ROSES_MD.replace("media: [images/roses.png]\n", "") + "x".repeat(200);

    List<FileReading> read = small.read(List.of(file("long.md", longBody),
        new UploadedFile("big.md", new byte[2_001])));

    assertThat(read.get(0).problems()).singleElement().satisfies(p -> {
      assertThat(p.fault()).isEqualTo(Fault.TOO_LARGE);
      assertThat(p.field()).isEqualTo("body");
    });
    assertThat(read.get(1).problems()).singleElement()
        .satisfies(p -> assertThat(p.fault()).isEqualTo(Fault.TOO_LARGE));
  }

  @Test
  void zipBombs_areStoppedByEntryCountAndUnpackedSize() {
    UploadReader small = new UploadReader(new UploadLimits(400_000, 3, 1_000_000, 1_000, 100));
    Map<String, byte[]> many = new LinkedHashMap<>();
    for (int i = 0; i < 4; i++) {
      many.put("item-" + i + ".md", utf8(ROSES_MD.replace("group-buy-roses", "roses-" + i)));
    }
    Map<String, byte[]> huge = new LinkedHashMap<>();
    for (int i = 0; i < 3; i++) {
      huge.put("zeros-" + i + ".png", new byte[390_000]);
    }
    Map<String, byte[]> oneHugeEntry = Map.of("zeros.md", new byte[500_000]);

    List<FileReading> read = small.read(List.of(new UploadedFile("many.zip", zip(many)),
        new UploadedFile("huge.zip", zip(huge)), new UploadedFile("entry.zip", zip(oneHugeEntry))));

    assertThat(read).allSatisfy(r -> assertThat(r.problems()).singleElement()
        .satisfies(p -> assertThat(p.fault()).isEqualTo(Fault.TOO_LARGE)));
    assertThat(zip(huge).length).as("the bomb is small when packed").isLessThan(10_000);
  }

  @Test
  void archiveEntriesThatEscapeTheirFolder_areRefused() {
    for (String name : List.of("../evil.md", "a/../../evil.md", "/etc/evil.md", "C:\\evil.md", "..\\evil.md")) {
      FileReading read = reader.read(List.of(new UploadedFile("evil.zip", zip(Map.of(name, utf8(ROSES_MD))))))
          .get(0);

      assertThat(read.problems()).as(name).singleElement().satisfies(p -> {
        assertThat(p.fault()).isEqualTo(Fault.MALFORMED);
        assertThat(p.message()).contains("outside the archive");
      });
    }
  }

  @Test
  void filesThatAreNotImagesOrContent_areUnsupported() {
    Map<String, byte[]> withScript = new LinkedHashMap<>();
    withScript.put("roses.md", utf8(ROSES_MD));
    withScript.put("images/roses.png", utf8("#!/bin/sh\nrm -rf /"));

    List<FileReading> read = reader.read(List.of(
        new UploadedFile("fake.jpg", utf8("<script>alert(1)</script>")),
        new UploadedFile("tool.exe", new byte[] {'M', 'Z', 0, 0}),
        new UploadedFile("library.zip", zip(withScript)),
        new UploadedFile("inner.zip", zip(Map.of("nested.zip", zip(Map.of("a.md", utf8(ROSES_MD))))))));

    assertThat(read).allSatisfy(r -> assertThat(r.problems()).isNotEmpty()
        .allSatisfy(p -> assertThat(p.fault()).isEqualTo(Fault.UNSUPPORTED)));
    assertThat(read.get(2).problems().get(0).file()).isEqualTo("library.zip/images/roses.png");
    assertThat(read.get(2).items()).as("nothing of a rejected archive is kept").isEmpty();
  }

  @Test
  void imageNoItemNames_isRejected() {
    FileReading read = reader.read(List.of(new UploadedFile("stray.png", PNG))).get(0);

    assertThat(read.problems()).singleElement().satisfies(p -> assertThat(p.fault()).isEqualTo(Fault.INVALID));
  }

  @Test
  void notAZip_isMalformed() {
    FileReading read = reader.read(List.of(new UploadedFile("library.zip", utf8("hello")))).get(0);

    assertThat(read.problems()).singleElement().satisfies(p -> assertThat(p.fault()).isEqualTo(Fault.MALFORMED));
  }
}
