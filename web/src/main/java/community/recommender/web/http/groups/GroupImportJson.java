package community.recommender.web.http.groups;

import community.recommender.web.http.ApiError;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** Reads a JSON import file: an array of objects, each a group's {@code id} and its portrait keys. */
public final class GroupImportJson {
  private GroupImportJson() {}

  /** The file's groups, numbered as rows from 1; 400 when it is not a JSON array of objects. */
  public static List<GroupRecord> read(Buffer body) {
    JsonArray array;
    try {
      array = body.toJsonArray();
    } catch (DecodeException | ClassCastException e) {
      throw ApiError.malformed("a JSON import is an array of groups, each {\"id\": …, \"name\": …}: "
          + e.getMessage());
    }
    List<GroupRecord> records = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      if (!(array.getValue(i) instanceof JsonObject group)) {
        throw ApiError.malformed("row " + (i + 1) + " of the array is not an object");
      }
      records.add(new GroupRecord("row", i + 1, group.copy()));
    }
    return records;
  }
}
