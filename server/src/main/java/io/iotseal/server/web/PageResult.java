package io.iotseal.server.web;

import java.util.List;

/** One page of a list: the items, where the page is, and how many there are in all. */
public record PageResult<T>(List<T> items, int page, int size, long totalItems, long totalPages) {

    public static <T> PageResult<T> of(List<T> items, PageRequest request, long total) {
        long pages = total == 0 ? 0 : (total + request.size() - 1) / request.size();
        return new PageResult<>(items, request.page(), request.size(), total, pages);
    }
}
