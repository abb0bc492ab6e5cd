package org.meridian.platform.test.http;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * HTTP/1.1 over a plain socket, for what HTTP client libraries will not send: chunked uploads that go on after the
 * server has answered, a body without a Content-Type, a call from another loopback address (127.0.0.2), and many
 * pipelined requests on one connection.
 */
public final class RawHttp {

    private static final int TIMEOUT_MILLIS = 20_000;

    public record Response(int status, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private RawHttp() {}

    /**
     * Sends {@code totalBytes} of JSON-ish filler as a chunked body (no Content-Length), from another thread so that an
     * answer sent while the upload is still arriving is read, and returns that answer.
     */
    public static Response chunkedUpload(
            int port, String method, String path, Map<String, String> headers, long totalBytes) throws IOException {
        try (Socket socket = connect(port)) {
            OutputStream out = socket.getOutputStream();
            writeChunkedHead(out, port, method, path, headers, false);
            Thread writer = new Thread(() -> writeChunks(out, totalBytes), "chunked-upload");
            writer.setDaemon(true);
            writer.start();
            return read(new BufferedInputStream(socket.getInputStream()));
        }
    }

    private static void writeChunkedHead(
            OutputStream out, int port, String method, String path, Map<String, String> headers, boolean expectContinue)
            throws IOException {
        StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: localhost:" + port
                + "\r\nTransfer-Encoding: chunked\r\n" + (expectContinue ? "Expect: 100-continue\r\n" : ""));
        headers.forEach(
                (name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    private static void writeChunk(OutputStream out, byte[] chunk, int size) throws IOException {
        out.write((Integer.toHexString(size) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.write(chunk, 0, size);
        out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    private static void writeChunks(OutputStream out, long totalBytes) {
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) ' ');
        try {
            for (long sent = 0; sent < totalBytes; sent += chunk.length) {
                writeChunk(out, chunk, (int) Math.min(chunk.length, totalBytes - sent));
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        } catch (IOException closedByTheServer) {
            // the server may stop reading once it has refused the body
        }
    }

    /**
     * A body sent as a client sends a large upload: {@code Expect: 100-continue}, nothing more until the server's
     * "100 Continue" (null when that never comes), then the body in these chunks, a moment apart.
     */
    public static Response uploadAfterContinue(
            int port, String method, String path, Map<String, String> headers, List<String> chunks)
            throws IOException, InterruptedException {
        try (Socket socket = connect(port)) {
            OutputStream out = socket.getOutputStream();
            writeChunkedHead(out, port, method, path, headers, true);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            if (!line(in).startsWith("HTTP/1.1 100 ") || !line(in).isEmpty()) {
                return null;
            }
            for (String chunk : chunks) {
                byte[] bytes = chunk.getBytes(StandardCharsets.UTF_8);
                writeChunk(out, bytes, bytes.length);
                Thread.sleep(50);
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return read(in);
        }
    }

    /** Starts a chunked upload, sends one chunk, then nothing more, and returns the answer that comes regardless. */
    public static Response stallWhileSending(
            int port, String method, String path, Map<String, String> headers, String firstChunk) throws IOException {
        try (Socket socket = connect(port)) {
            startUpload(socket, port, method, path, headers, firstChunk);
            return read(new BufferedInputStream(socket.getInputStream()));
        }
    }

    /** Starts a chunked upload, sends one chunk, and hangs up, as a phone that loses its network does. */
    public static void hangUpWhileSending(
            int port, String method, String path, Map<String, String> headers, String firstChunk)
            throws IOException, InterruptedException {
        try (Socket socket = connect(port)) {
            startUpload(socket, port, method, path, headers, firstChunk);
            Thread.sleep(200);
        }
    }

    private static void startUpload(
            Socket socket, int port, String method, String path, Map<String, String> headers, String firstChunk)
            throws IOException {
        OutputStream out = socket.getOutputStream();
        writeChunkedHead(out, port, method, path, headers, false);
        byte[] chunk = firstChunk.getBytes(StandardCharsets.UTF_8);
        writeChunk(out, chunk, chunk.length);
    }

    /** One request with exactly these headers (none added but Host and Content-Length), from {@code localAddress}. */
    public static Response send(
            String localAddress, int port, String method, String path, Map<String, String> headers, String body)
            throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(localAddress, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            StringBuilder head =
                    new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\n");
            headers.forEach((name, value) ->
                    head.append(name).append(": ").append(value).append("\r\n"));
            if (body != null) {
                head.append("Content-Length: ").append(content.length).append("\r\n");
            }
            OutputStream out = socket.getOutputStream();
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            return read(new BufferedInputStream(socket.getInputStream()));
        }
    }

    /** Writes all requests at once, then reads one answer per request in order. */
    public static List<Response> pipelined(int port, List<String> requests) throws IOException {
        try (Socket socket = connect(port)) {
            StringBuilder all = new StringBuilder();
            requests.forEach(all::append);
            OutputStream out = socket.getOutputStream();
            out.write(all.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            List<Response> responses = new ArrayList<>();
            for (int i = 0; i < requests.size(); i++) {
                try {
                    responses.add(read(in));
                } catch (IOException e) {
                    throw new IOException(
                            "no answer to request " + i + " of " + requests.size() + " (answers so far: "
                                    + responses.stream().map(Response::status).toList() + ")",
                            e);
                }
            }
            return responses;
        }
    }

    private static Socket connect(int port) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MILLIS);
        socket.setSoTimeout(TIMEOUT_MILLIS);
        return socket;
    }

    private static Response read(InputStream in) throws IOException {
        String statusLine = line(in);
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP response: '" + statusLine + "'");
        }
        Map<String, String> headers = new TreeMap<>();
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            headers.put(
                    header.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    header.substring(colon + 1).trim());
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            for (int size = Integer.parseInt(line(in).trim(), 16);
                    size > 0;
                    size = Integer.parseInt(line(in).trim(), 16)) {
                body.write(in.readNBytes(size));
                line(in);
            }
            line(in);
        } else if (headers.containsKey("content-length")) {
            body.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
        }
        return new Response(Integer.parseInt(parts[1]), headers, body.toString(StandardCharsets.UTF_8));
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b == -1) {
                throw new IOException("connection closed after '" + line.toString(StandardCharsets.ISO_8859_1) + "'");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }
}
