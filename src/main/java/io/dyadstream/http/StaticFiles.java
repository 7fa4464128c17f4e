package io.dyadstream.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Serves the dashboard from the jar: {@code /} is {@code web/index.html}, {@code /assets/NAME} is
 * {@code web/NAME}, {@code /vendor/echarts.min.js} comes from the ECharts WebJar. Nothing is fetched
 * from the internet; a content security policy keeps the page to its own origin.
 */
final class StaticFiles {

    private static final Pattern ASSET = Pattern.compile("[a-z0-9][a-z0-9._-]{0,60}");
    private static final Map<String, String> VENDOR = Map.of(
            "echarts.min.js", "META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8", "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml", "png", "image/png", "ico", "image/x-icon");
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    private StaticFiles() {}

    static void serve(HttpExchange ex, String path) throws IOException {
        String resource;
        if (path.equals("/")) {
            resource = "web/index.html";
        } else if (path.startsWith("/vendor/")) {
            resource = VENDOR.get(path.substring("/vendor/".length()));
        } else {
            String name = path.substring("/assets/".length());
            resource = ASSET.matcher(name).matches() && !name.contains("..") ? "web/" + name : null;
        }
        byte[] body = resource == null ? null : read(resource);
        if (body == null) {
            throw ApiException.notFound("no such file");
        }
        String extension = resource.substring(resource.lastIndexOf('.') + 1);
        ex.getResponseHeaders().set("Content-Security-Policy", CSP);
        ex.getResponseHeaders().set("Referrer-Policy", "no-referrer");
        ApiServer.send(ex, 200, TYPES.getOrDefault(extension, "application/octet-stream"), body);
    }

    private static byte[] read(String resource) throws IOException {
        try (InputStream in = StaticFiles.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? null : in.readAllBytes();
        }
    }
}
