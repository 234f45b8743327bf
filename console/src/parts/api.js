// Talks to the server's HTTP API with the signed-in token; every answer comes back as
// {status, body, headers}, and failures as ApiFailure with the server's message.

/** A non-2xx answer, with the server's JSON error when it sent one. */
export class ApiFailure extends Error {
  constructor(status, message, body) {
    super(message);
    this.status = status;
    this.body = body;
  }
}

export function createApi(token) {
  async function request(method, path, { json, text, form, raw, signal } = {}) {
    const headers = { Authorization: "Bearer " + token, Accept: "application/json" };
    let body;
    if (json !== undefined) {
      headers["Content-Type"] = "application/json";
      body = JSON.stringify(json);
    } else if (text !== undefined) {
      headers["Content-Type"] = "text/plain; charset=utf-8";
      body = text;
    } else if (form !== undefined) {
      body = form;
    } else if (raw !== undefined) {
      headers["Content-Type"] = raw.type;
      body = raw.body;
    }
    const response = await fetch(path, { method, headers, body, signal, cache: "no-store" });
    const type = response.headers.get("Content-Type") || "";
    let parsed = null;
    if (response.status !== 204) {
      parsed = type.includes("application/json") ? await response.json().catch(() => null) : await response.text();
    }
    if (!response.ok) {
      const message = parsed && parsed.error && parsed.error.message
        ? parsed.error.message : `${method} ${path} answered ${response.status}`;
      throw new ApiFailure(response.status, message, parsed);
    }
    return { status: response.status, body: parsed, headers: response.headers };
  }

  return {
    token,
    get: (path, options) => request("GET", path, options),
    post: (path, options) => request("POST", path, options),
    put: (path, options) => request("PUT", path, options),
    delete: (path, options) => request("DELETE", path, options),

    /** Fetches media with the token and answers an object URL for it (revoke it when done). */
    async blobUrl(path) {
      const response = await fetch(path, { headers: { Authorization: "Bearer " + token }, cache: "no-store" });
      if (!response.ok) throw new ApiFailure(response.status, `GET ${path} answered ${response.status}`, null);
      return URL.createObjectURL(await response.blob());
    },

    /** Uploads files in one multipart request, reporting progress (0 to 1) as it goes. */
    upload(path, fieldName, files, onProgress) {
      return new Promise((resolve, reject) => {
        const xhr = new XMLHttpRequest();
        xhr.open("POST", path);
        xhr.setRequestHeader("Authorization", "Bearer " + token);
        xhr.setRequestHeader("Accept", "application/json");
        xhr.upload.addEventListener("progress", (e) => {
          if (e.lengthComputable) onProgress(e.loaded / e.total);
        });
        xhr.addEventListener("load", () => {
          let parsed = null;
          try {
            parsed = JSON.parse(xhr.responseText);
          } catch {
            parsed = xhr.responseText;
          }
          if (xhr.status >= 200 && xhr.status < 300) {
            onProgress(1);
            resolve({ status: xhr.status, body: parsed });
          } else {
            const message = parsed && parsed.error && parsed.error.message
              ? parsed.error.message : `upload answered ${xhr.status}`;
            reject(new ApiFailure(xhr.status, message, parsed));
          }
        });
        xhr.addEventListener("error", () => reject(new ApiFailure(0, "the upload could not reach the server", null)));
        const form = new FormData();
        for (const file of files) form.append(fieldName, file, file.name);
        xhr.send(form);
      });
    },
  };
}
