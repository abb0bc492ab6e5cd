package org.meridian.outcomes.service;

import java.util.List;

/** One page of a query and the number of matches over all pages. */
public record PageOf<T>(List<T> items, long totalItems) {
}
