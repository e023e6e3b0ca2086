package dev.mizan.testutil;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Headless Chromium driven through the DevTools protocol (JSON over a WebSocket on 127.0.0.1), with the JDK's own
 * HTTP/WebSocket client: no browser download, no extra library. Records console errors, exceptions and dialogs.
 */
public final class DevTools implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");

  private final Process chromium;
  private final Path profile;
  private WebSocket ws;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  /** Every event received (method + params), in order. */
  public final List<JsonNode> events = new CopyOnWriteArrayList<>();
  private final StringBuilder stderr = new StringBuilder();

  public DevTools(Path chromiumBinary) throws Exception {
    profile = Files.createTempDirectory("mizan-chromium-");
    chromium = new ProcessBuilder(chromiumBinary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1280,2400",
        "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", "about:blank")
        .redirectErrorStream(true).start();
    try {
      ws = connect();
    } catch (Exception e) {
      close();
      throw new IllegalStateException("cannot drive chromium: " + e + "\n" + output(), e);
    }
  }

  private WebSocket connect() throws Exception {
    String browserWs = waitForEndpoint();
    URI base = URI.create(browserWs.replace("ws://", "http://"));
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build();
    String list = http.send(HttpRequest.newBuilder(base.resolve("/json/list")).timeout(Duration.ofSeconds(20)).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    String pageWs = null;
    for (JsonNode t : JSON.readTree(list)) {
      if (t.path("type").asText().equals("page")) {
        pageWs = t.get("webSocketDebuggerUrl").asText();
        break;
      }
    }
    if (pageWs == null) {
      throw new IllegalStateException("no page target in " + list);
    }
    return http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(20)).buildAsync(URI.create(pageWs), new Listener())
        .get(30, TimeUnit.SECONDS);
  }

  private String waitForEndpoint() throws Exception {
    CompletableFuture<String> found = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(chromium.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          synchronized (stderr) {
            stderr.append(line).append('\n');
          }
          Matcher m = LISTENING.matcher(line);
          if (m.find()) {
            found.complete(m.group(1));
          }
        }
      } catch (IOException e) {
        found.completeExceptionally(e);
      }
      found.completeExceptionally(new IllegalStateException("chromium exited: " + output()));
    }, "chromium-output");
    reader.setDaemon(true);
    reader.start();
    return found.get(90, TimeUnit.SECONDS);
  }

  /** What chromium printed. */
  public String output() {
    synchronized (stderr) {
      return stderr.toString();
    }
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder buf = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      buf.append(data);
      if (last) {
        String text = buf.toString();
        buf.setLength(0);
        try {
          JsonNode msg = JSON.readTree(text);
          if (msg.has("id")) {
            CompletableFuture<JsonNode> f = pending.remove(msg.get("id").asInt());
            if (f != null) {
              f.complete(msg);
            }
          } else {
            events.add(msg);
          }
        } catch (IOException e) {
          events.add(JSON.createObjectNode().put("method", "parse-error").put("text", e.toString()));
        }
      }
      webSocket.request(1);
      return null;
    }
  }

  /** Sends a command and waits for its result; throws when Chromium answers with an error. */
  public JsonNode send(String method, Map<String, Object> params) throws Exception {
    int id = ids.incrementAndGet();
    ObjectNode msg = JSON.createObjectNode().put("id", id).put("method", method);
    msg.set("params", JSON.valueToTree(params));
    CompletableFuture<JsonNode> f = new CompletableFuture<>();
    pending.put(id, f);
    ws.sendText(JSON.writeValueAsString(msg), true).get(30, TimeUnit.SECONDS);
    JsonNode reply = f.get(120, TimeUnit.SECONDS);
    if (reply.has("error")) {
      throw new IllegalStateException(method + ": " + reply.get("error"));
    }
    return reply.get("result");
  }

  /** Navigates and waits for the load event. */
  public void open(String url) throws Exception {
    int before = events.size();
    send("Page.navigate", Map.of("url", url));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      // a copy-on-write list's own iterator is a snapshot, but a subList of it throws when the socket thread appends
      Object[] seen = events.toArray();
      for (int i = before; i < seen.length; i++) {
        if (((JsonNode) seen[i]).path("method").asText().equals("Page.loadEventFired")) {
          return;
        }
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("no load event for " + url);
  }

  /** Evaluates a JavaScript expression in the page and returns its value (JSON). */
  public JsonNode eval(String expression) throws Exception {
    JsonNode r = send("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true, "awaitPromise", true));
    if (r.has("exceptionDetails")) {
      throw new IllegalStateException("evaluation failed: " + r.get("exceptionDetails"));
    }
    return r.path("result").path("value");
  }

  /** A full-page PNG screenshot at the given width. */
  public void screenshot(Path file, int width) throws Exception {
    JsonNode size = eval("JSON.stringify([document.documentElement.scrollWidth, document.documentElement.scrollHeight])");
    JsonNode wh = JSON.readTree(size.asText());
    int height = Math.min(12000, Math.max(800, wh.get(1).asInt()));
    send("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
    JsonNode shot = send("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true));
    Files.createDirectories(file.getParent());
    Files.write(file, java.util.Base64.getDecoder().decode(shot.get("data").asText()));
  }

  /** Console errors, uncaught exceptions, error log entries and JavaScript dialogs seen so far, as text. */
  public List<String> problems() {
    List<String> out = new java.util.ArrayList<>();
    for (JsonNode e : events) {
      String m = e.path("method").asText();
      JsonNode p = e.path("params");
      switch (m) {
        case "Runtime.exceptionThrown" -> out.add("exception: " + p.path("exceptionDetails"));
        case "Runtime.consoleAPICalled" -> {
          if (List.of("error", "assert").contains(p.path("type").asText())) {
            out.add("console." + p.path("type").asText() + ": " + p.path("args"));
          }
        }
        case "Log.entryAdded" -> {
          if (p.path("entry").path("level").asText().equals("error")) {
            out.add("log error: " + p.path("entry"));
          }
        }
        case "Page.javascriptDialogOpening" -> out.add("dialog: " + p);
        case "parse-error" -> out.add("protocol: " + e);
        default -> { }
      }
    }
    return out;
  }

  @Override
  public void close() throws Exception {
    try {
      if (ws != null) {
        ws.abort();
      }
    } finally {
      chromium.descendants().forEach(ProcessHandle::destroy);
      chromium.destroy();
      if (!chromium.waitFor(10, TimeUnit.SECONDS)) {
        chromium.descendants().forEach(ProcessHandle::destroyForcibly);
        chromium.destroyForcibly();
      }
      try (var s = Files.walk(profile)) {
        s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException ignored) {
        // a leftover temp profile is harmless
      }
    }
  }
}
