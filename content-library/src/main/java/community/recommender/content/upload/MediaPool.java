package community.recommender.content.upload;

import community.recommender.content.format.ContentValidator;
import community.recommender.content.media.ImageType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The images of one upload or one archive, found by the paths items name them with. */
final class MediaPool {
  private final Map<String, Image> byPath = new LinkedHashMap<>();

  void add(String path, ImageType type, byte[] bytes) {
    byPath.put(path, new Image(type, bytes, new ArrayList<>()));
  }

  boolean has(String path) {
    return byPath.containsKey(path);
  }

  /** The ids of the items that named the image at {@code path}. */
  List<String> usedBy(String path) {
    Image image = byPath.get(path);
    return image == null ? List.of() : image.users();
  }

  /**
   * The image {@code reference} names, looked up beside the referring file, then from the top,
   * then by its file name alone when that is unique; records {@code itemId} as a user.
   */
  Optional<Image> find(String folder, String reference, String itemId) {
    String path = reference.replace('\\', '/').replaceAll("^(\\./)+", "");
    Image image = byPath.get(folder + path);
    if (image == null) {
      image = byPath.get(path);
    }
    if (image == null) {
      String name = ContentValidator.fileName(path);
      List<Image> sameName = byPath.entrySet().stream()
          .filter(e -> ContentValidator.fileName(e.getKey()).equals(name)).map(Map.Entry::getValue).toList();
      image = sameName.size() == 1 ? sameName.get(0) : null;
    }
    if (image != null && !image.users().contains(itemId)) {
      image.users().add(itemId);
    }
    return Optional.ofNullable(image);
  }

  /** An image, its type as its signature tells, and the items that use it. */
  record Image(ImageType type, byte[] bytes, List<String> users) {}
}
