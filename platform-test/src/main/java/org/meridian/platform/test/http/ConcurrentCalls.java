package org.meridian.platform.test.http;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The same request sent by many callers at once, released together, for races on the server. */
public final class ConcurrentCalls {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

    private ConcurrentCalls() {}

    /** Sends {@code request} from {@code callers} threads at the same moment and returns every answer. */
    public static List<HttpResponse<String>> send(HttpRequest request, int callers) throws Exception {
        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> futures = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(callers)) {
            for (int i = 0; i < callers; i++) {
                futures.add(threads.submit(() -> {
                    start.await();
                    return client.send(request, HttpResponse.BodyHandlers.ofString());
                }));
            }
            start.countDown();
            List<HttpResponse<String>> responses = new ArrayList<>();
            for (Future<HttpResponse<String>> future : futures) {
                responses.add(future.get());
            }
            return responses;
        }
    }

    /** The first "id" of the answer's JSON body: the resource it created or found. */
    public static String id(HttpResponse<String> response) {
        Matcher matcher = ID.matcher(response.body());
        return matcher.find() ? matcher.group(1) : "no id in " + response.statusCode() + " " + response.body();
    }
}
