package community.recommender.content.upload;

/**
 * A file as an editor sent it.
 *
 * @param name the file's name, whose extension says how to read it
 * @param bytes its content
 */
public record UploadedFile(String name, byte[] bytes) {}
