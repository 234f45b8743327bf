package community.recommender.content.upload;

import community.recommender.content.archive.ArchiveEntry;
import community.recommender.content.archive.ZipArchiveReader;
import community.recommender.content.format.ContentFormatException;
import community.recommender.content.format.ContentIds;
import community.recommender.content.format.ContentValidator;
import community.recommender.content.format.CsvItemsReader;
import community.recommender.content.format.Fault;
import community.recommender.content.format.ItemsRead;
import community.recommender.content.format.JsonItemsReader;
import community.recommender.content.format.MarkdownItemReader;
import community.recommender.content.media.ImageType;
import community.recommender.engine.model.ContentItem;
import community.recommender.engine.model.MediaAttachment;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the files of one upload into items and their images, or into the reasons each file is rejected.
 *
 * <p>Markdown with front matter ({@code .md}), JSON ({@code .json}), CSV ({@code .csv}) and zip
 * archives of these ({@code .zip}) hold items; PNG, JPEG, GIF and WebP files are images that items
 * name in their {@code media}. Each file stands or falls as a whole: one bad row rejects its CSV
 * file, one bad entry its archive. Reading touches neither the database nor the index.
 */
public final class UploadReader {
  private final UploadLimits limits;
  private final ContentValidator validator;
  private final JsonItemsReader json;
  private final CsvItemsReader csv;
  private final ZipArchiveReader zip;

  public UploadReader(UploadLimits limits) {
    this.limits = limits;
    this.validator = new ContentValidator(limits.maxBodyChars());
    this.json = new JsonItemsReader(validator, limits.maxItemsPerFile());
    this.csv = new CsvItemsReader(validator, limits.maxItemsPerFile());
    this.zip = new ZipArchiveReader(limits.archive());
  }

  /** The validator items are checked with, for items that arrive outside an upload. */
  public ContentValidator validator() {
    return validator;
  }

  /** Reads {@code files}, in order; the answer has one reading per file, in the same order. */
  public List<FileReading> read(List<UploadedFile> files) {
    MediaPool uploadImages = new MediaPool();
    Map<Integer, FileReading> results = new HashMap<>();
    for (int i = 0; i < files.size(); i++) {
      UploadedFile file = files.get(i);
      FileType type = FileType.of(file.name());
      if (type != FileType.ARCHIVE && file.bytes().length > limits.maxFileBytes()) {
        results.put(i, rejected(file.name(), Fault.TOO_LARGE, "the file has " + file.bytes().length
            + " bytes; files may have at most " + limits.maxFileBytes()));
      } else if (type == FileType.IMAGE || type == FileType.OTHER) {
        Optional<ImageType> image = ImageType.of(file.bytes());
        if (image.isPresent()) {
          uploadImages.add(file.name(), image.get(), file.bytes());
        } else {
          results.put(i, rejected(file.name(), Fault.UNSUPPORTED, notAccepted(type)));
        }
      }
    }
    for (int i = 0; i < files.size(); i++) {
      UploadedFile file = files.get(i);
      if (results.containsKey(i) || uploadImages.has(file.name())) {
        continue;
      }
      FileType type = FileType.of(file.name());
      results.put(i, type == FileType.ARCHIVE
          ? readArchive(file)
          : readItems(file.name(), file.name(), file.bytes(), type, uploadImages, ""));
    }
    List<FileReading> readings = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      String name = files.get(i).name();
      if (results.containsKey(i)) {
        readings.add(results.get(i));
      } else if (uploadImages.usedBy(name).isEmpty()) {
        readings.add(rejected(name, Fault.INVALID, "no item in this upload names this image in its media"));
      } else {
        readings.add(new FileReading(name, List.of(), List.of(), uploadImages.usedBy(name)));
      }
    }
    return readings;
  }

  private FileReading readArchive(UploadedFile file) {
    List<ArchiveEntry> entries;
    try {
      entries = zip.read(file.bytes());
    } catch (ContentFormatException e) {
      return rejected(file.name(), e.fault(), e.getMessage());
    }
    MediaPool archiveImages = new MediaPool();
    List<ContentProblem> problems = new ArrayList<>();
    for (ArchiveEntry entry : entries) {
      FileType type = FileType.of(entry.path());
      if (type == FileType.IMAGE || type == FileType.OTHER) {
        Optional<ImageType> image = ImageType.of(entry.bytes());
        if (image.isPresent()) {
          archiveImages.add(entry.path(), image.get(), entry.bytes());
        } else {
          problems.add(problem(file.name() + "/" + entry.path(), Fault.UNSUPPORTED, notAccepted(type)));
        }
      } else if (type == FileType.ARCHIVE) {
        problems.add(problem(file.name() + "/" + entry.path(), Fault.UNSUPPORTED,
            "archives inside archives are not read; unpack it into the outer archive"));
      }
    }
    List<UploadedItem> items = new ArrayList<>();
    boolean anyItems = false;
    for (ArchiveEntry entry : entries) {
      FileType type = FileType.of(entry.path());
      if (type.holdsItems()) {
        anyItems = true;
        int slash = entry.path().lastIndexOf('/');
        FileReading reading = readItems(file.name() + "/" + entry.path(), entry.path(), entry.bytes(), type,
            archiveImages, slash < 0 ? "" : entry.path().substring(0, slash + 1));
        items.addAll(reading.items());
        problems.addAll(reading.problems());
      }
    }
    if (!anyItems && problems.isEmpty()) {
      problems.add(problem(file.name(), Fault.INVALID, "the archive holds no .md, .json or .csv file"));
    }
    problems.addAll(duplicates(file.name(), items));
    return problems.isEmpty() ? new FileReading(file.name(), items, List.of(), List.of())
        : new FileReading(file.name(), List.of(), problems, List.of());
  }

  private FileReading readItems(String displayName, String name, byte[] bytes, FileType type, MediaPool images,
      String folder) {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return rejected(displayName, Fault.MALFORMED, "the file is not UTF-8 text");
    }
    ItemsRead read = switch (type) {
      case MARKDOWN -> markdown(text, ContentIds.fromFileName(name));
      case JSON -> json.read(text);
      case CSV -> csv.read(text);
      default -> throw new IllegalArgumentException(type.name());
    };
    List<ContentProblem> problems = new ArrayList<>();
    read.problems().forEach(e -> problems.add(new ContentProblem(displayName, e.line(), e.field(), e.fault(),
        e.getMessage())));
    List<UploadedItem> items = new ArrayList<>();
    for (ContentItem item : read.items()) {
      items.add(withImages(item, images, folder));
    }
    problems.addAll(duplicates(displayName, items));
    return problems.isEmpty() ? new FileReading(displayName, items, List.of(), List.of())
        : new FileReading(displayName, List.of(), problems, List.of());
  }

  private ItemsRead markdown(String text, String idFromName) {
    try {
      return new ItemsRead(List.of(MarkdownItemReader.readChecked(text, idFromName, validator)), List.of());
    } catch (ContentFormatException e) {
      return ItemsRead.failed(e);
    }
  }

  /** The item with the images it names that are in {@code images}, their types filled in. */
  private static UploadedItem withImages(ContentItem item, MediaPool images, String folder) {
    List<MediaAttachment> attachments = new ArrayList<>();
    List<MediaFile> files = new ArrayList<>();
    for (MediaAttachment attachment : item.getMedia()) {
      String name = ContentValidator.fileName(attachment.name());
      Optional<MediaPool.Image> image = images.find(folder, attachment.name(), item.getId());
      if (image.isPresent()) {
        files.add(new MediaFile(name, image.get().type().mediaType(), image.get().bytes()));
        attachments.add(new MediaAttachment(name, image.get().type().mediaType()));
      } else {
        attachments.add(new MediaAttachment(name, attachment.mediaType()));
      }
    }
    return new UploadedItem(item.toBuilder().media(attachments).build(), files);
  }

  private static List<ContentProblem> duplicates(String file, List<UploadedItem> items) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    items.forEach(i -> counts.merge(i.item().getId(), 1, Integer::sum));
    List<ContentProblem> problems = new ArrayList<>();
    counts.forEach((id, count) -> {
      if (count > 1) {
        problems.add(new ContentProblem(file, 0, "id", Fault.INVALID,
            "id '" + id + "' appears " + count + " times; each item needs its own id"));
      }
    });
    return problems;
  }

  private static String notAccepted(FileType type) {
    return type == FileType.IMAGE
        ? "the file is named as an image but is not a PNG, JPEG, GIF or WebP image"
        : "only .md, .json, .csv and .zip files and PNG, JPEG, GIF or WebP images are accepted";
  }

  private static FileReading rejected(String file, Fault fault, String message) {
    return new FileReading(file, List.of(), List.of(problem(file, fault, message)), List.of());
  }

  private static ContentProblem problem(String file, Fault fault, String message) {
    return new ContentProblem(file, 0, null, fault, message);
  }

  /** How a file is read, told by its extension. */
  private enum FileType {
    MARKDOWN, JSON, CSV, ARCHIVE, IMAGE, OTHER;

    static FileType of(String name) {
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.endsWith(".md") || lower.endsWith(".markdown")) {
        return MARKDOWN;
      }
      if (lower.endsWith(".json")) {
        return JSON;
      }
      if (lower.endsWith(".csv")) {
        return CSV;
      }
      if (lower.endsWith(".zip")) {
        return ARCHIVE;
      }
      return ImageType.claimedBy(lower) ? IMAGE : OTHER;
    }

    boolean holdsItems() {
      return this == MARKDOWN || this == JSON || this == CSV;
    }
  }
}
