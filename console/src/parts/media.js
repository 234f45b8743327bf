// Loads an item's images through authenticated requests: the media URLs need the token, so an
// <img src> cannot load them by itself. Each image becomes a blob URL, fetched once per item version.
import { imageName } from "./markdown.js";

/** A resolver for renderMarkdown: an image named like one of item.media loads from the server. */
export function mediaResolver(api, item) {
  const media = item?.media ?? [];
  return (src) => {
    const name = imageName(src);
    const found = media.find((m) => m.name === name || imageName(m.name) === name);
    return found?.url ? api.blobUrl(found.url) : null;
  };
}

/** A resolver for files not yet uploaded: an image named like one of files shows from the disk. */
export function localResolver(files) {
  return (src) => {
    const name = imageName(src);
    const file = files.find((f) => f.name === name);
    return file ? URL.createObjectURL(file) : null;
  };
}
