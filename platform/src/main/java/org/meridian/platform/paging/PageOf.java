package org.meridian.platform.paging;

import java.util.List;

/** One page of a stably sorted collection, with the total so clients can render paging controls. */
public record PageOf<T>(List<T> items, int page, int size, long totalItems) {}
