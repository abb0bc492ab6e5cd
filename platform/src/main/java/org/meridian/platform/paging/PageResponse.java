package org.meridian.platform.paging;

import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The one page shape of every collection of the native APIs; the services page with {@link PageOf}. */
@Schema(description = "One page of a collection, sorted stably")
public record PageResponse<T>(
        @Schema(maxItems = MAX_SIZE) List<T> items,

        @Schema(description = "Zero-based page index", examples = "0", minimum = "0", maximum = "1000000")
        int page,

        @Schema(description = "Requested page size (1-100)", examples = "20", minimum = "1", maximum = "100")
        int size,

        @Schema(examples = "42", minimum = "0", maximum = "9223372036854775807")
        long totalItems,

        @Schema(examples = "3", minimum = "0", maximum = "9223372036854775807")
        long totalPages) {

    /** The largest page every collection accepts ({@code size}); the services refuse a larger one with a 400. */
    public static final int MAX_SIZE = 100;

    /**
     * The highest page index a collection accepts: page x size (at most 100) must stay an int offset. Beyond it the
     * service used to fail with a 500 (found by the contract tests); now it is a 400 like any out-of-range value.
     */
    public static final long MAX_PAGE = 1_000_000;

    public static <E, T> PageResponse<T> of(PageOf<E> page, Function<E, T> mapper) {
        return of(page.items().stream().map(mapper).toList(), page.page(), page.size(), page.totalItems());
    }

    public static <T> PageResponse<T> of(List<T> items, int page, int size, long totalItems) {
        return new PageResponse<>(items, page, size, totalItems, (totalItems + size - 1) / size);
    }
}
